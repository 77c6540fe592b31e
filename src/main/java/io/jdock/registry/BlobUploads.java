package io.jdock.registry;

import io.jdock.oci.Digest;
import io.jdock.oci.MediaType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The push-side API calls on one repository (distribution-spec "Push"): start an upload (or mount a
 * blob from another repository of the same registry), send it whole ({@code PUT ?digest=}) or in
 * chunks ({@code PATCH} with Content-Range, then {@code PUT ?digest=}), and put a manifest.
 */
public final class BlobUploads {
  /** What {@code POST /blobs/uploads/} answered: mounted already, or where to upload. */
  public record Start(boolean mounted, Optional<URI> location) {}

  private final RegistryClient client;

  public BlobUploads(RegistryClient client) {
    this.client = client;
  }

  /** Starts an upload, asking to mount {@code digest} from {@code from} when given. */
  public Start start(Digest digest, Optional<String> from) throws RegistryException {
    String query = from.map(f -> "?mount=" + enc(digest.toString()) + "&from=" + enc(f)).orElse("");
    URI uri = client.endpoint().resolve("/v2/" + client.repository() + "/blobs/uploads/" + query);
    List<String> scopes = new ArrayList<>(client.scopes());
    from.ifPresent(f -> scopes.add("repository:" + f + ":pull"));
    HttpResponse<InputStream> r =
        client.send(
            new RegistryRequest(
                "POST",
                uri,
                Map.of(),
                Optional.of(HttpRequest.BodyPublishers::noBody),
                scopes,
                true));
    RegistryTransport.discard(r);
    if (r.statusCode() == 201) {
      return new Start(true, Optional.empty());
    }
    if (r.statusCode() != 202) {
      throw ErrorResponses.of(r.statusCode(), new byte[0], List.of());
    }
    return new Start(false, Optional.of(location(uri, r)));
  }

  /** Sends the whole blob in one {@code PUT <location>?digest=}. */
  public void putWhole(URI location, Digest digest, long size, Supplier<InputStream> data)
      throws RegistryException {
    HttpRequest.BodyPublisher body =
        HttpRequest.BodyPublishers.fromPublisher(
            HttpRequest.BodyPublishers.ofInputStream(data), size);
    RegistryRequest call =
        new RegistryRequest(
            "PUT",
            withDigest(location, digest),
            Map.of("Content-Type", "application/octet-stream"),
            Optional.of(() -> body),
            client.scopes(),
            false);
    finish(client.send(call), call.uri());
  }

  /** Sends one chunk at {@code offset}; returns the location for the next request. */
  public URI patch(URI location, long offset, byte[] chunk, int length) throws RegistryException {
    RegistryRequest call =
        new RegistryRequest(
            "PATCH",
            location,
            Map.of(
                "Content-Type",
                "application/octet-stream",
                "Content-Range",
                offset + "-" + (offset + length - 1)),
            Optional.of(() -> HttpRequest.BodyPublishers.ofByteArray(chunk, 0, length)),
            client.scopes(),
            false);
    HttpResponse<InputStream> r = client.send(call);
    RegistryTransport.discard(r);
    if (r.statusCode() != 202) {
      throw ErrorResponses.of(r.statusCode(), new byte[0], List.of());
    }
    return location(location, r);
  }

  /** Closes a chunked upload: {@code PUT <location>?digest=} without a body. */
  public void close(URI location, Digest digest) throws RegistryException {
    RegistryRequest call =
        new RegistryRequest(
            "PUT",
            withDigest(location, digest),
            Map.of(),
            Optional.of(HttpRequest.BodyPublishers::noBody),
            client.scopes(),
            false);
    finish(client.send(call), call.uri());
  }

  /** {@code PUT /manifests/<tag>}; returns the digest of the bytes sent. */
  public Digest putManifest(String tagOrDigest, MediaType type, byte[] raw)
      throws RegistryException {
    RegistryRequest call =
        new RegistryRequest(
            "PUT",
            client.manifestUri(tagOrDigest),
            Map.of("Content-Type", type.value()),
            Optional.of(() -> HttpRequest.BodyPublishers.ofByteArray(raw)),
            client.scopes(),
            true);
    HttpResponse<InputStream> r = client.send(call);
    if (r.statusCode() != 201 && r.statusCode() != 200) {
      throw ErrorResponses.of(r);
    }
    RegistryTransport.discard(r);
    return Digest.sha256(raw);
  }

  private static void finish(HttpResponse<InputStream> r, URI uri) throws RegistryException {
    if (r.statusCode() != 201 && r.statusCode() != 204) {
      throw ErrorResponses.of(r);
    }
    RegistryTransport.discard(r);
  }

  private static URI location(URI request, HttpResponse<InputStream> r) throws RegistryException {
    String loc =
        r.headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    RegistryException.transport(
                        "upload answer without Location from " + request, null));
    return request.resolve(loc);
  }

  private static URI withDigest(URI location, Digest digest) {
    String s = location.toString();
    return URI.create(s + (s.contains("?") ? "&" : "?") + "digest=" + enc(digest.toString()));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Opens a stream for the body publisher, which cannot throw checked exceptions. */
  public static Supplier<InputStream> opener(IoSupplier open) {
    return () -> {
      try {
        return open.get();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  /** A stream source that may fail. */
  @FunctionalInterface
  public interface IoSupplier {
    InputStream get() throws IOException;
  }
}
