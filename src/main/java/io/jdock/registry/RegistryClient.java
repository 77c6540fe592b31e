package io.jdock.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pull-side API calls on one repository at one endpoint (distribution-spec "Pull"): ping,
 * manifests (GET/HEAD), blobs (GET with Range, HEAD), tags list. Upload calls are in {@link
 * BlobUploads}. Every call goes through {@link RegistryTransport}; a non-success answer becomes a
 * {@link RegistryException} with the registry's error codes.
 */
public final class RegistryClient {
  /** The four manifest types jdock accepts, as docker sends them. */
  public static final String MANIFEST_ACCEPT =
      String.join(
          ", ",
          MediaType.OCI_INDEX.value(),
          MediaType.DOCKER_MANIFEST_LIST.value(),
          MediaType.OCI_MANIFEST.value(),
          MediaType.DOCKER_MANIFEST.value());

  private static final int MAX_MANIFEST = 4 << 20;
  private static final Pattern LINK_NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Endpoint endpoint;
  private final String repository;
  private final RegistryTransport transport;
  private final Authenticator auth;
  private final Registries registries;
  private volatile List<String> scopes;

  RegistryClient(
      Endpoint endpoint,
      String repository,
      RegistryTransport transport,
      Authenticator auth,
      Registries registries) {
    this.endpoint = endpoint;
    this.repository = repository;
    this.transport = transport;
    this.auth = auth;
    this.registries = registries;
    this.scopes = List.of("repository:" + repository + ":pull");
  }

  public Endpoint endpoint() {
    return endpoint;
  }

  public String repository() {
    return repository;
  }

  /** Asks for push access too (token scope {@code pull,push}); returns this client. */
  public RegistryClient forPush() {
    scopes = List.of("repository:" + repository + ":pull,push");
    return this;
  }

  List<String> scopes() {
    return scopes;
  }

  /**
   * {@code GET /v2/} once per endpoint and command: proves the endpoint answers and learns its
   * challenges. A 401 is the normal answer of a registry that wants credentials.
   */
  public void ping() throws RegistryException {
    if (!registries.firstContact(endpoint)) {
      return;
    }
    try {
      HttpResponse<InputStream> r =
          transport.send(
              endpoint, auth, RegistryRequest.anonymous(endpoint.resolve("/v2/"), Map.of()));
      auth.learn(Challenge.parseAll(r.headers().allValues("WWW-Authenticate")));
      int status = r.statusCode();
      if (status != 200 && status != 401) {
        throw ErrorResponses.of(r);
      }
      RegistryTransport.discard(r);
    } catch (RegistryException e) {
      registries.forgetContact(endpoint);
      throw e;
    }
  }

  /** GETs a manifest by tag or digest, verified and typed (see {@link ManifestContent}). */
  public FetchedManifest manifest(String tagOrDigest, String referenceForMessages)
      throws RegistryException {
    HttpResponse<InputStream> r = send(manifestRequest("GET", tagOrDigest));
    expect(r, 200);
    byte[] raw;
    try (InputStream in = r.body()) {
      raw = in.readNBytes(MAX_MANIFEST + 1);
    } catch (IOException e) {
      throw RegistryException.transport(
          TransportErrors.request("GET", manifestUri(tagOrDigest), e), e);
    }
    if (raw.length > MAX_MANIFEST) {
      throw RegistryException.content(
          RegistryException.Kind.INVALID_CONTENT,
          "manifest " + tagOrDigest + " is larger than 4 MiB");
    }
    Optional<Digest> requested =
        Digest.isValid(tagOrDigest) ? Optional.of(Digest.parse(tagOrDigest)) : Optional.empty();
    return ManifestContent.accept(
        r.headers().firstValue("Content-Type"),
        raw,
        requested,
        r.headers().firstValue("Docker-Content-Digest"),
        referenceForMessages);
  }

  /** HEADs a manifest: its descriptor (type, digest, size) if it exists. */
  public Optional<Descriptor> headManifest(String tagOrDigest) throws RegistryException {
    HttpResponse<InputStream> r = send(manifestRequest("HEAD", tagOrDigest));
    if (r.statusCode() == 404) {
      RegistryTransport.discard(r);
      return Optional.empty();
    }
    expect(r, 200);
    RegistryTransport.discard(r);
    Optional<String> digest =
        r.headers().firstValue("Docker-Content-Digest").filter(Digest::isValid);
    if (digest.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        Descriptor.of(
            MediaType.of(r.headers().firstValue("Content-Type").orElse("application/octet-stream")),
            Digest.parse(digest.get()),
            r.headers().firstValueAsLong("Content-Length").orElse(0)));
  }

  private RegistryRequest manifestRequest(String method, String tagOrDigest) {
    return new RegistryRequest(
        method,
        manifestUri(tagOrDigest),
        Map.of("Accept", MANIFEST_ACCEPT),
        Optional.empty(),
        scopes,
        true);
  }

  URI manifestUri(String tagOrDigest) {
    return endpoint.resolve("/v2/" + repository + "/manifests/" + tagOrDigest);
  }

  URI blobUri(Digest digest) {
    return endpoint.resolve("/v2/" + repository + "/blobs/" + digest);
  }

  /**
   * Opens a blob from {@code offset} ({@code Range: bytes=<offset>-} when not 0). The answer is 200
   * (whole blob) or 206 (the range); the caller checks which and reads the body.
   */
  public HttpResponse<InputStream> openBlob(Digest digest, long offset) throws RegistryException {
    RegistryRequest call = RegistryRequest.get(blobUri(digest), scopes, Map.of());
    if (offset > 0) {
      call = call.withHeader("Range", "bytes=" + offset + "-");
    }
    HttpResponse<InputStream> r = send(call);
    if (r.statusCode() != 200 && !(offset > 0 && r.statusCode() == 206)) {
      throw ErrorResponses.of(r);
    }
    return r;
  }

  /** A small blob (a config) read whole and verified against its descriptor. */
  public byte[] blobBytes(Descriptor d, int limit) throws RegistryException {
    HttpResponse<InputStream> r = openBlob(d.digest(), 0);
    byte[] raw;
    try (InputStream in = r.body()) {
      raw = in.readNBytes(limit + 1);
    } catch (IOException e) {
      throw RegistryException.transport(TransportErrors.request("GET", blobUri(d.digest()), e), e);
    }
    if (raw.length != d.size() || !Digest.sha256(raw).equals(d.digest())) {
      throw RegistryException.content(
          RegistryException.Kind.INVALID_CONTENT,
          "blob verification failed for digest "
              + d.digest()
              + " (size "
              + raw.length
              + ", expected "
              + d.size()
              + ")");
    }
    return raw;
  }

  /** HEAD on a blob: its size if the repository has it. */
  public OptionalLong blobSize(Digest digest) throws RegistryException {
    HttpResponse<InputStream> r =
        send(
            new RegistryRequest("HEAD", blobUri(digest), Map.of(), Optional.empty(), scopes, true));
    RegistryTransport.discard(r);
    if (r.statusCode() == 404) {
      return OptionalLong.empty();
    }
    if (r.statusCode() != 200) {
      throw ErrorResponses.of(
          r.statusCode(),
          new byte[0],
          Challenge.parseAll(r.headers().allValues("WWW-Authenticate")));
    }
    return OptionalLong.of(r.headers().firstValueAsLong("Content-Length").orElse(0));
  }

  /** All tags of the repository, following {@code Link: <...>; rel="next"} pages. */
  public List<String> tags() throws RegistryException {
    List<String> tags = new ArrayList<>();
    URI next = endpoint.resolve("/v2/" + repository + "/tags/list");
    while (next != null) {
      HttpResponse<InputStream> r = send(RegistryRequest.get(next, scopes, Map.of()));
      expect(r, 200);
      try (InputStream in = r.body()) {
        JsonNode body = MAPPER.readTree(in.readNBytes(MAX_MANIFEST));
        body.path("tags").forEach(t -> tags.add(t.asText()));
      } catch (IOException e) {
        throw RegistryException.transport(TransportErrors.request("GET", next, e), e);
      }
      URI current = next;
      next =
          r.headers()
              .firstValue("Link")
              .map(LINK_NEXT::matcher)
              .filter(Matcher::find)
              .map(m -> current.resolve(m.group(1)))
              .orElse(null);
    }
    return tags;
  }

  HttpResponse<InputStream> send(RegistryRequest call) throws RegistryException {
    ping();
    HttpResponse<InputStream> r = transport.send(endpoint, auth, call);
    if (r.statusCode() == 401 && auth.lacksBasicCredentials()) {
      // docker's basic auth handler refuses to send a request it has nothing to answer with.
      RegistryTransport.discard(r);
      throw new RegistryException(
          TransportErrors.goMethod(call.method())
              + " \""
              + call.uri()
              + "\": no basic auth credentials",
          RegistryException.Kind.ERROR_CODES,
          java.util.OptionalInt.of(401),
          List.of(new ErrorEntry(ErrorEntry.UNAUTHORIZED, "no basic auth credentials", "")),
          null);
    }
    return r;
  }

  static void expect(HttpResponse<InputStream> r, int status) throws RegistryException {
    if (r.statusCode() != status) {
      throw ErrorResponses.of(r);
    }
  }
}
