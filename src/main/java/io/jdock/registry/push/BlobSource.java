package io.jdock.registry.push;

import io.jdock.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** Where pushed blobs come from; the image store implements it. */
public interface BlobSource {
  /** Opens a stored blob (manifests, configs, layers) from its start. */
  InputStream open(Digest digest) throws IOException;

  /** The whole blob, for small content (manifests of an index). */
  default byte[] read(Digest digest) throws IOException {
    try (InputStream in = open(digest)) {
      return in.readAllBytes();
    }
  }

  /**
   * Repositories of {@code registryDomain} known to hold this blob (e.g. where it was pulled from),
   * which the pusher asks the registry to mount from instead of uploading.
   */
  default List<String> knownRepositories(Digest digest, String registryDomain) {
    return List.of();
  }
}
