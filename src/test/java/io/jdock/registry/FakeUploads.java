package io.jdock.registry;

import com.sun.net.httpserver.HttpExchange;
import io.jdock.oci.Digest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/** The upload side of {@link FakeRegistry}: POST (with mount), PATCH chunks, PUT ?digest=. */
final class FakeUploads {
  private FakeUploads() {}

  static void handle(
      FakeRegistry reg, HttpExchange ex, String repo, String rest, String query, String method)
      throws IOException {
    Map<String, String> q = query(query);
    if (method.equals("POST")) {
      String mount = q.get("mount");
      if (mount != null) {
        Digest d = Digest.parse(mount);
        String from = q.getOrDefault("from", "");
        if (reg.repoBlobs(from).contains(d)) {
          reg.repoBlobs(repo).add(d);
          ex.getResponseHeaders().add("Location", "/v2/" + repo + "/blobs/" + d);
          ex.getResponseHeaders().add("Docker-Content-Digest", d.toString());
          FakeRegistry.send(ex, 201, new byte[0]);
          return;
        }
      }
      String id = FakeRegistry.newUploadId();
      reg.uploads().put(id, new ByteArrayOutputStream());
      started(ex, repo, id, 0);
      return;
    }
    ByteArrayOutputStream upload = reg.uploads().get(rest);
    if (upload == null) {
      FakeRegistry.error(ex, 404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry");
      return;
    }
    upload.write(ex.getRequestBody().readAllBytes());
    if (method.equals("PATCH")) {
      started(ex, repo, rest, upload.size());
      return;
    }
    byte[] data = upload.toByteArray();
    Digest expected = Digest.parse(q.get("digest"));
    if (!Digest.sha256(data).equals(expected)) {
      FakeRegistry.error(
          ex, 400, "DIGEST_INVALID", "provided digest did not match uploaded content");
      return;
    }
    reg.uploads().remove(rest);
    reg.allBlobs().put(expected, data);
    reg.repoBlobs(repo).add(expected);
    ex.getResponseHeaders().add("Location", "/v2/" + repo + "/blobs/" + expected);
    ex.getResponseHeaders().add("Docker-Content-Digest", expected.toString());
    FakeRegistry.send(ex, 201, new byte[0]);
  }

  private static void started(HttpExchange ex, String repo, String id, int size)
      throws IOException {
    ex.getResponseHeaders().add("Location", "/v2/" + repo + "/blobs/uploads/" + id);
    ex.getResponseHeaders().add("Range", "0-" + Math.max(0, size - 1));
    ex.getResponseHeaders().add("Docker-Upload-UUID", id);
    FakeRegistry.send(ex, 202, new byte[0]);
  }

  private static Map<String, String> query(String query) {
    Map<String, String> q = new HashMap<>();
    if (query == null) {
      return q;
    }
    for (String p : query.split("&")) {
      int eq = p.indexOf('=');
      if (eq > 0) {
        q.put(p.substring(0, eq), URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return q;
  }
}
