package io.jdock.container;

import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;
import io.jdock.registry.push.BlobSource;
import io.jdock.store.Image;
import io.jdock.store.ImageStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * The blobs of one stored image as the pusher's {@link BlobSource}: read from the store's blob
 * files as they are, so the pushed manifest is byte for byte the stored one. The repositories the
 * image has digest references in (where it was pulled from or pushed to) are offered for
 * cross-repository mounts.
 */
final class StoreBlobSource implements BlobSource {
  private final ImageStore store;
  private final Image image;

  StoreBlobSource(ImageStore store, Image image) {
    this.store = store;
    this.image = image;
  }

  @Override
  public InputStream open(Digest digest) throws IOException {
    return store.blobs().open(digest);
  }

  @Override
  public byte[] read(Digest digest) throws IOException {
    return store.blobs().read(digest);
  }

  @Override
  public List<String> knownRepositories(Digest digest, String registryDomain) {
    return image.repoDigests().stream()
        .filter(r -> r.domain().equals(registryDomain))
        .map(ImageReference::path)
        .distinct()
        .toList();
  }
}
