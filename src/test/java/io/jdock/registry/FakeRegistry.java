package io.jdock.registry;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jdock.oci.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process distribution-API registry on 127.0.0.1 for unit tests: manifests, blobs (with
 * Range), uploads (monolithic, chunked, mount), tags; anonymous, Basic or Bearer auth with its own
 * token endpoint; and faults to inject (status answers, dropped connections, redirects, wrong
 * digests). Every request is logged.
 */
public final class FakeRegistry implements AutoCloseable {
  /** How the registry wants clients to authenticate. */
  public enum Auth {
    NONE,
    BASIC,
    BEARER
  }

  /** One logged request. */
  public record Request(String method, String path, String query, Headers headers) {
    public String header(String name) {
      return headers.getFirst(name);
    }
  }

  private record Manifest(String mediaType, byte[] raw) {}

  private record Fault(String pathPart, int status, Map<String, String> headers, String body) {}

  private final HttpServer server;
  private final Map<String, Map<String, Manifest>> manifests = new ConcurrentHashMap<>();
  private final Map<Digest, byte[]> blobs = new ConcurrentHashMap<>();
  private final Map<String, Set<Digest>> repoBlobs = new ConcurrentHashMap<>();
  private final Map<String, ByteArrayOutputStream> uploads = new ConcurrentHashMap<>();
  private final List<Request> log = new CopyOnWriteArrayList<>();
  private final Deque<Fault> faults = new ArrayDeque<>();
  private final Map<Digest, Integer> drops = new ConcurrentHashMap<>();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final List<String> tokenScopes = new CopyOnWriteArrayList<>();
  private final AtomicInteger tokenCount = new AtomicInteger();
  private volatile Auth auth = Auth.NONE;
  private volatile String user = "";
  private volatile String password = "";
  private volatile boolean allowAnonymousTokens = true;
  private volatile int expiresIn = 300;
  private volatile boolean honourRange = true;
  private volatile URI blobRedirect;
  private volatile String wrongManifestDigest;
  private final Map<Digest, byte[]> servedInstead = new ConcurrentHashMap<>();
  private final Map<String, String> contentTypeOverride = new ConcurrentHashMap<>();

  public FakeRegistry() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext("/", this::handle);
    server.start();
  }

  /** {@code 127.0.0.1:<port>}, the registry domain of references. */
  public String host() {
    return "127.0.0.1:" + server.getAddress().getPort();
  }

  public URI uri() {
    return URI.create("http://" + host());
  }

  @Override
  public void close() {
    server.stop(0);
  }

  // ---- content

  public Digest putBlob(String repo, byte[] data) {
    Digest d = Digest.sha256(data);
    blobs.put(d, data);
    repoBlobs.computeIfAbsent(repo, r -> ConcurrentHashMap.newKeySet()).add(d);
    return d;
  }

  public Digest putManifest(String repo, String tag, String mediaType, byte[] raw) {
    Digest d = Digest.sha256(raw);
    Map<String, Manifest> m = manifests.computeIfAbsent(repo, r -> new ConcurrentHashMap<>());
    m.put(d.toString(), new Manifest(mediaType, raw));
    if (tag != null) {
      m.put(tag, new Manifest(mediaType, raw));
    }
    return d;
  }

  public boolean hasBlob(String repo, Digest d) {
    return repoBlobs.getOrDefault(repo, Set.of()).contains(d);
  }

  public byte[] blob(Digest d) {
    return blobs.get(d);
  }

  public byte[] manifest(String repo, String ref) {
    Manifest m = manifests.getOrDefault(repo, Map.of()).get(ref);
    return m == null ? null : m.raw;
  }

  // ---- auth

  public FakeRegistry basicAuth(String u, String p) {
    auth = Auth.BASIC;
    user = u;
    password = p;
    return this;
  }

  public FakeRegistry bearerAuth(String u, String p, boolean anonymousTokens) {
    auth = Auth.BEARER;
    user = u;
    password = p;
    allowAnonymousTokens = anonymousTokens;
    return this;
  }

  public FakeRegistry tokenExpiresIn(int seconds) {
    expiresIn = seconds;
    return this;
  }

  public int tokensIssued() {
    return tokenCount.get();
  }

  /** The scope parameters of every token request, in order. */
  public List<String> tokenScopes() {
    return tokenScopes;
  }

  // ---- faults

  /** The next request whose path contains {@code pathPart} gets this answer instead. */
  public synchronized FakeRegistry failNext(
      String pathPart, int status, Map<String, String> headers, String body) {
    faults.add(new Fault(pathPart, status, headers, body));
    return this;
  }

  /** The next {@code times} GETs of the blob send half of it, then drop the connection. */
  public FakeRegistry dropBlob(Digest d, int times) {
    drops.put(d, times);
    return this;
  }

  public FakeRegistry ignoreRange() {
    honourRange = false;
    return this;
  }

  /** Blob GETs answer 307 to the same path at {@code other}. */
  public FakeRegistry redirectBlobsTo(URI other) {
    blobRedirect = other;
    return this;
  }

  /** Manifest answers carry this Docker-Content-Digest. */
  public FakeRegistry wrongManifestDigest(String digest) {
    wrongManifestDigest = digest;
    return this;
  }

  /** The blob {@code d} is served as {@code data} (a corrupt registry or CDN). */
  public FakeRegistry serveInstead(Digest d, byte[] data) {
    servedInstead.put(d, data);
    return this;
  }

  /** Manifests of {@code ref} are answered with this Content-Type. */
  public FakeRegistry contentType(String ref, String type) {
    contentTypeOverride.put(ref, type);
    return this;
  }

  public List<Request> log() {
    return Collections.unmodifiableList(log);
  }

  public List<Request> requests(String method, String pathPart) {
    return log.stream().filter(r -> r.method.equals(method) && r.path.contains(pathPart)).toList();
  }

  // ---- serving

  private void handle(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getRawPath();
    String query = ex.getRequestURI().getRawQuery();
    Headers copy = new Headers();
    copy.putAll(ex.getRequestHeaders());
    log.add(new Request(ex.getRequestMethod(), path, query == null ? "" : query, copy));
    try {
      Fault f = takeFault(path);
      if (f != null) {
        f.headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        send(ex, f.status, f.body.getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (path.equals("/token")) {
        token(ex, query);
        return;
      }
      if (!path.startsWith("/v2/")) {
        send(ex, 404, "404 page not found\n".getBytes(StandardCharsets.UTF_8));
        return;
      }
      if (!authorized(ex, path)) {
        return;
      }
      route(ex, path, query);
    } catch (DroppedConnection e) {
      // ex.close() below, with body bytes missing, closes the connection
    } catch (RuntimeException e) {
      send(
          ex,
          500,
          ("{\"errors\":[{\"code\":\"UNKNOWN\",\"message\":\"" + e + "\"}]}")
              .getBytes(StandardCharsets.UTF_8));
    } finally {
      // With body bytes missing, close() drops the connection: the fault dropBlob asks for.
      ex.close();
    }
  }

  private synchronized Fault takeFault(String path) {
    for (var it = faults.iterator(); it.hasNext(); ) {
      Fault f = it.next();
      if (path.contains(f.pathPart)) {
        it.remove();
        return f;
      }
    }
    return null;
  }

  private void route(HttpExchange ex, String path, String query) throws IOException {
    String method = ex.getRequestMethod();
    if (path.equals("/v2/")) {
      ex.getResponseHeaders().add("Docker-Distribution-API-Version", "registry/2.0");
      send(ex, 200, "{}".getBytes(StandardCharsets.UTF_8));
    } else if (path.contains("/manifests/")) {
      int i = path.lastIndexOf("/manifests/");
      manifestRoute(ex, path.substring(4, i), path.substring(i + 11), method);
    } else if (path.contains("/blobs/uploads/")) {
      int i = path.lastIndexOf("/blobs/uploads/");
      FakeUploads.handle(this, ex, path.substring(4, i), path.substring(i + 15), query, method);
    } else if (path.contains("/blobs/")) {
      int i = path.lastIndexOf("/blobs/");
      blobRoute(ex, path.substring(4, i), Digest.parse(path.substring(i + 7)), method);
    } else if (path.endsWith("/tags/list")) {
      String repo = path.substring(4, path.length() - 10);
      Map<String, Manifest> m = manifests.get(repo);
      if (m == null) {
        error(ex, 404, "NAME_UNKNOWN", "repository name not known to registry");
        return;
      }
      TreeSet<String> tags = new TreeSet<>();
      m.keySet().stream().filter(k -> !k.startsWith("sha256:")).forEach(tags::add);
      String list = String.join(",", tags.stream().map(t -> "\"" + t + "\"").toList());
      sendJson(ex, 200, "{\"name\":\"" + repo + "\",\"tags\":[" + list + "]}");
    } else {
      send(ex, 404, new byte[0]);
    }
  }

  private void manifestRoute(HttpExchange ex, String repo, String ref, String method)
      throws IOException {
    if (method.equals("PUT")) {
      byte[] raw = ex.getRequestBody().readAllBytes();
      Digest d =
          putManifest(
              repo,
              ref.startsWith("sha256:") ? null : ref,
              ex.getRequestHeaders().getFirst("Content-Type"),
              raw);
      ex.getResponseHeaders().add("Docker-Content-Digest", d.toString());
      ex.getResponseHeaders().add("Location", "/v2/" + repo + "/manifests/" + d);
      send(ex, 201, new byte[0]);
      return;
    }
    Map<String, Manifest> m = manifests.get(repo);
    if (m == null) {
      error(ex, 404, "NAME_UNKNOWN", "repository name not known to registry");
      return;
    }
    Manifest man = m.get(ref);
    if (man == null) {
      error(ex, 404, "MANIFEST_UNKNOWN", "manifest unknown");
      return;
    }
    ex.getResponseHeaders()
        .add("Content-Type", contentTypeOverride.getOrDefault(ref, man.mediaType));
    ex.getResponseHeaders()
        .add(
            "Docker-Content-Digest",
            wrongManifestDigest != null ? wrongManifestDigest : Digest.sha256(man.raw).toString());
    if (method.equals("HEAD")) {
      ex.getResponseHeaders().add("Content-Length", String.valueOf(man.raw.length));
      ex.sendResponseHeaders(200, -1);
      return;
    }
    send(ex, 200, man.raw);
  }

  private void blobRoute(HttpExchange ex, String repo, Digest d, String method) throws IOException {
    byte[] data = blobs.get(d);
    if (data == null || !hasBlob(repo, d)) {
      if (method.equals("HEAD")) {
        ex.sendResponseHeaders(404, -1);
        return;
      }
      error(ex, 404, "BLOB_UNKNOWN", "blob unknown to registry");
      return;
    }
    if (method.equals("HEAD")) {
      ex.getResponseHeaders().add("Content-Length", String.valueOf(data.length));
      ex.getResponseHeaders().add("Docker-Content-Digest", d.toString());
      ex.sendResponseHeaders(200, -1);
      return;
    }
    if (blobRedirect != null) {
      ex.getResponseHeaders().add("Location", blobRedirect + "/v2/" + repo + "/blobs/" + d);
      send(ex, 307, new byte[0]);
      return;
    }
    serveBlob(ex, d, servedInstead.getOrDefault(d, data));
  }

  /** Serves blob bytes with Range support and the drop fault; also used by a redirect target. */
  void serveBlob(HttpExchange ex, Digest d, byte[] data) throws IOException {
    String range = ex.getRequestHeaders().getFirst("Range");
    int start = 0;
    if (range != null && honourRange && range.startsWith("bytes=") && range.endsWith("-")) {
      start = Integer.parseInt(range.substring(6, range.length() - 1));
      ex.getResponseHeaders()
          .add("Content-Range", "bytes " + start + "-" + (data.length - 1) + "/" + data.length);
    }
    int status = start > 0 ? 206 : 200;
    int length = data.length - start;
    ex.getResponseHeaders().add("Docker-Content-Digest", d.toString());
    ex.sendResponseHeaders(status, length);
    OutputStream out = ex.getResponseBody();
    Integer drop = drops.get(d);
    if (drop != null && drop > 0) {
      drops.put(d, drop - 1);
      out.write(data, start, length / 2);
      out.flush();
      // Closing the exchange with bytes missing drops the connection mid-body.
      throw new DroppedConnection();
    }
    out.write(data, start, length);
  }

  /** Thrown to end an exchange without its full body. */
  static final class DroppedConnection extends RuntimeException {}

  private boolean authorized(HttpExchange ex, String path) throws IOException {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    switch (auth) {
      case NONE:
        return true;
      case BASIC:
        if (basicOk(header)) {
          return true;
        }
        ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"fake\"");
        error(ex, 401, "UNAUTHORIZED", "authentication required");
        return false;
      default:
        if (header != null
            && header.startsWith("Bearer ")
            && tokenCovers(header.substring(7), path)) {
          return true;
        }
        String scope = scopeFor(path);
        ex.getResponseHeaders()
            .add(
                "WWW-Authenticate",
                "Bearer realm=\""
                    + uri()
                    + "/token\",service=\"fake\""
                    + (scope.isEmpty() ? "" : ",scope=\"" + scope + "\""));
        error(ex, 401, "UNAUTHORIZED", "authentication required");
        return false;
    }
  }

  private static String scopeFor(String path) {
    for (String part : List.of("/manifests/", "/blobs/", "/tags/list")) {
      int i = path.indexOf(part);
      if (i > 4) {
        return "repository:" + path.substring(4, i) + ":pull";
      }
    }
    return "";
  }

  private boolean tokenCovers(String token, String path) {
    String scopes = tokens.get(token);
    if (scopes == null) {
      return false;
    }
    String needed = scopeFor(path);
    return needed.isEmpty()
        || scopes.contains(needed.substring(0, needed.length() - ":pull".length()));
  }

  private boolean basicOk(String header) {
    String expected =
        "Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return expected.equals(header);
  }

  private void token(HttpExchange ex, String query) throws IOException {
    String header = ex.getRequestHeaders().getFirst("Authorization");
    String form =
        ex.getRequestMethod().equals("POST")
            ? new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)
            : "";
    boolean refresh = form.contains("grant_type=refresh_token");
    if (refresh
        ? !form.contains("refresh_token=refresh-" + user)
        : header != null ? !basicOk(header) : !allowAnonymousTokens) {
      sendJson(ex, 401, "{\"details\":\"incorrect username or password\"}");
      return;
    }
    List<String> scopes = new ArrayList<>();
    String params = refresh ? form : query == null ? "" : query;
    for (String p : params.split("&")) {
      if (p.startsWith("scope=")) {
        scopes.add(java.net.URLDecoder.decode(p.substring(6), StandardCharsets.UTF_8));
      }
    }
    tokenScopes.add(String.join(" ", scopes));
    String token = "tok-" + tokenCount.incrementAndGet();
    tokens.put(token, String.join(" ", scopes));
    boolean offline = query != null && query.contains("offline_token=true");
    sendJson(
        ex,
        200,
        "{\"token\":\""
            + token
            + "\",\"expires_in\":"
            + expiresIn
            + (offline && header != null ? ",\"refresh_token\":\"refresh-" + user + "\"" : "")
            + "}");
  }

  // ---- helpers shared with FakeUploads

  Map<String, ByteArrayOutputStream> uploads() {
    return uploads;
  }

  Set<Digest> repoBlobs(String repo) {
    return repoBlobs.computeIfAbsent(repo, r -> ConcurrentHashMap.newKeySet());
  }

  Map<Digest, byte[]> allBlobs() {
    return blobs;
  }

  static String newUploadId() {
    return UUID.randomUUID().toString();
  }

  static void error(HttpExchange ex, int status, String code, String message) throws IOException {
    sendJson(
        ex,
        status,
        "{\"errors\":[{\"code\":\""
            + code
            + "\",\"message\":\""
            + message
            + "\",\"detail\":null}]}");
  }

  static void sendJson(HttpExchange ex, int status, String json) throws IOException {
    ex.getResponseHeaders().add("Content-Type", "application/json");
    send(ex, status, json.getBytes(StandardCharsets.UTF_8));
  }

  static void send(HttpExchange ex, int status, byte[] body) throws IOException {
    ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      ex.getResponseBody().write(body);
    }
  }
}
