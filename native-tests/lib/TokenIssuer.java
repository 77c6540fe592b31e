import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A registry token server for the native tests (distribution's token auth spec), run as a
 * single-file program: {@code java TokenIssuer.java --port-file F --key K.pem --cert C.pem
 * --issuer I --service S --users U [--anonymous pull|none] [--expires-in SECONDS] [--log L]}.
 *
 * <p>GET /token?service=S&scope=T:NAME:ACTIONS[&scope=...][&offline_token=true] with optional
 * Basic auth, and POST /token with a form (grant_type=password with username/password, or
 * grant_type=refresh_token with refresh_token). Users (lines "user:password" in U) get every action
 * they ask for; anonymous clients get pull only with --anonymous pull, else nothing; bad
 * credentials get 401, a wrong service 400. Tokens are RS256 JWTs whose x5c header carries the
 * signing certificate (the registry's rootcertbundle holds it). Each request is logged to L as one
 * line: "METHOD user=U service=S scope=... granted=... status=N".
 */
public final class TokenIssuer {
  private final Map<String, String> opts;
  private final Map<String, String> users = new HashMap<>();
  private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
  private final PrivateKey key;
  private final String x5c;
  private final SecureRandom random = new SecureRandom();

  private TokenIssuer(Map<String, String> opts) throws Exception {
    this.opts = opts;
    for (String line : Files.readAllLines(Path.of(opts.get("users")))) {
      int colon = line.indexOf(':');
      if (colon > 0) {
        users.put(line.substring(0, colon), line.substring(colon + 1));
      }
    }
    this.key =
        KeyFactory.getInstance("RSA")
            .generatePrivate(new PKCS8EncodedKeySpec(pemBody(opts.get("key"), "PRIVATE KEY")));
    X509Certificate cert =
        (X509Certificate)
            CertificateFactory.getInstance("X.509")
                .generateCertificate(Files.newInputStream(Path.of(opts.get("cert"))));
    this.x5c = Base64.getEncoder().encodeToString(cert.getEncoded());
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> opts = new HashMap<>(Map.of("anonymous", "none", "expires-in", "300"));
    for (int i = 0; i + 1 < args.length; i += 2) {
      opts.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    TokenIssuer issuer = new TokenIssuer(opts);
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext("/token", issuer::handle);
    server.start();
    Files.writeString(
        Path.of(opts.get("port-file")), Integer.toString(server.getAddress().getPort()));
  }

  private void handle(HttpExchange ex) throws IOException {
    try {
      Map<String, List<String>> params = parse(ex.getRequestURI().getRawQuery());
      String user = basicUser(ex);
      if ("POST".equals(ex.getRequestMethod())) {
        Map<String, List<String>> form =
            parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        form.forEach((k, v) -> params.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v));
        user = formUser(form);
      }
      String service = first(params, "service");
      if (!opts.get("service").equals(service)) {
        reply(ex, 400, "{\"details\":\"unknown service\"}", user, params, "");
        return;
      }
      if (user == null) {
        reply(ex, 401, "{\"details\":\"invalid credentials\"}", "-", params, "");
        return;
      }
      List<Map<String, Object>> access = new ArrayList<>();
      StringBuilder granted = new StringBuilder();
      for (String scope : params.getOrDefault("scope", List.of())) {
        for (String one : scope.split(" ")) {
          grant(one, user, access, granted);
        }
      }
      String body = tokenResponse(user, service, access, params);
      reply(ex, 200, body, user, params, granted.toString());
    } catch (Exception e) {
      reply(ex, 500, "{\"details\":\"" + e + "\"}", "?", Map.of(), "");
    }
  }

  /** Adds the actions USER may have of one "type:name:actions" scope. */
  private void grant(
      String scope, String user, List<Map<String, Object>> access, StringBuilder granted) {
    int first = scope.indexOf(':');
    int last = scope.lastIndexOf(':');
    if (first < 0 || last <= first) {
      return;
    }
    List<String> actions = new ArrayList<>();
    for (String action : scope.substring(last + 1).split(",")) {
      if (!user.isEmpty() || ("pull".equals(opts.get("anonymous")) && "pull".equals(action))) {
        actions.add(action);
      }
    }
    String type = scope.substring(0, first);
    String name = scope.substring(first + 1, last);
    access.add(Map.of("type", type, "name", name, "actions", actions));
    granted.append(granted.length() == 0 ? "" : " ").append(type).append(':').append(name);
    granted.append(':').append(String.join(",", actions));
  }

  private String tokenResponse(
      String user, String service, List<Map<String, Object>> access, Map<String, List<String>> p)
      throws Exception {
    long now = Instant.now().getEpochSecond();
    long expiresIn = Long.parseLong(opts.get("expires-in"));
    String header = json(Map.of("typ", "JWT", "alg", "RS256", "x5c", List.of(x5c)));
    Map<String, Object> claims = new HashMap<>();
    claims.put("iss", opts.get("issuer"));
    claims.put("sub", user);
    claims.put("aud", service);
    claims.put("exp", now + expiresIn);
    claims.put("nbf", now - 10);
    claims.put("iat", now);
    claims.put("jti", Long.toHexString(random.nextLong()));
    claims.put("access", access);
    String signingInput = b64(header) + "." + b64(json(claims));
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initSign(key);
    rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    String jwt =
        signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    Map<String, Object> response = new HashMap<>();
    response.put("token", jwt);
    response.put("access_token", jwt);
    response.put("expires_in", expiresIn);
    response.put("issued_at", Instant.ofEpochSecond(now).toString());
    if (!user.isEmpty() && "true".equals(first(p, "offline_token"))) {
      String refresh = Long.toHexString(random.nextLong()) + Long.toHexString(random.nextLong());
      refreshTokens.put(refresh, user);
      response.put("refresh_token", refresh);
    }
    return json(response);
  }

  /** The user of a Basic header: "" when anonymous, null when the credentials are wrong. */
  private String basicUser(HttpExchange ex) {
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    if (auth == null || !auth.regionMatches(true, 0, "Basic ", 0, 6)) {
      return "";
    }
    String pair = new String(Base64.getDecoder().decode(auth.substring(6).trim()), UTF8);
    int colon = pair.indexOf(':');
    return colon > 0 ? checked(pair.substring(0, colon), pair.substring(colon + 1)) : null;
  }

  private String formUser(Map<String, List<String>> form) {
    String grant = first(form, "grant_type");
    if ("password".equals(grant)) {
      return checked(first(form, "username"), first(form, "password"));
    }
    if ("refresh_token".equals(grant)) {
      return refreshTokens.get(String.valueOf(first(form, "refresh_token")));
    }
    return null;
  }

  private String checked(String user, String password) {
    return user != null && password != null && password.equals(users.get(user)) ? user : null;
  }

  private void reply(
      HttpExchange ex,
      int status,
      String body,
      String user,
      Map<String, List<String>> params,
      String granted)
      throws IOException {
    String line =
        String.format(
            "%s user=%s service=%s scope=%s granted=%s status=%d%n",
            ex.getRequestMethod(),
            user == null ? "!invalid" : user.isEmpty() ? "<anonymous>" : user,
            first(params, "service"),
            String.join(" ", params.getOrDefault("scope", List.of())),
            granted,
            status);
    if (opts.containsKey("log")) {
      Files.writeString(
          Path.of(opts.get("log")), line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    byte[] bytes = body.getBytes(UTF8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    if (status == 401) {
      ex.getResponseHeaders().set("WWW-Authenticate", "Basic realm=\"jdock-test-issuer\"");
    }
    ex.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static final java.nio.charset.Charset UTF8 = StandardCharsets.UTF_8;

  private static Map<String, List<String>> parse(String query) {
    Map<String, List<String>> out = new HashMap<>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String first(Map<String, List<String>> params, String name) {
    List<String> values = params.get(name);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  private static byte[] pemBody(String path, String label) throws IOException {
    String pem = Files.readString(Path.of(path));
    int start = pem.indexOf("-----BEGIN " + label + "-----");
    int end = pem.indexOf("-----END " + label + "-----");
    if (start < 0 || end < 0) {
      throw new IOException(path + ": no PEM block " + label);
    }
    String body = pem.substring(start + label.length() + 16, end).replaceAll("\\s", "");
    return Base64.getDecoder().decode(body);
  }

  private static String b64(String s) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(UTF8));
  }

  /** Minimal JSON for maps, lists, strings and numbers (all this issuer writes). */
  private static String json(Object v) {
    if (v instanceof Map<?, ?> m) {
      StringBuilder sb = new StringBuilder("{");
      m.forEach(
          (k, x) -> sb.append(sb.length() > 1 ? "," : "").append(json(k)).append(':').append(json(x)));
      return sb.append('}').toString();
    }
    if (v instanceof List<?> l) {
      StringBuilder sb = new StringBuilder("[");
      l.forEach(x -> sb.append(sb.length() > 1 ? "," : "").append(json(x)));
      return sb.append(']').toString();
    }
    if (v instanceof Number) {
      return v.toString();
    }
    String s = String.valueOf(v).replace("\\", "\\\\").replace("\"", "\\\"");
    return "\"" + s + "\"";
  }
}
