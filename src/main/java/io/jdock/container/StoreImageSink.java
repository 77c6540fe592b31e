package io.jdock.container;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;
import io.jdock.registry.ResolvedImage;
import io.jdock.registry.pull.BlobWriter;
import io.jdock.registry.pull.ImageSink;
import io.jdock.store.Image;
import io.jdock.store.ImageStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The image store as the puller's {@link ImageSink}: blobs are written through verifying {@link
 * io.jdock.store.PendingBlob}s, and a pulled image is recorded in index.json under its reference
 * and its registry digest (docker's RepoDigests: the index's digest when an index was fetched).
 */
final class StoreImageSink implements ImageSink {
  private final ImageStore store;

  StoreImageSink(ImageStore store) {
    this.store = store;
  }

  @Override
  public boolean has(Digest digest) {
    return store.blobs().has(digest);
  }

  @Override
  public BlobWriter begin(Descriptor d) throws IOException {
    return new StoreBlobWriter(store.blobs().begin(d.digest(), d.size()));
  }

  @Override
  public void put(Descriptor d, byte[] raw) throws IOException {
    store
        .blobs()
        .put(new ByteArrayInputStream(raw), Optional.of(d.digest()), OptionalLong.of(d.size()));
  }

  @Override
  public boolean hasImage(Digest config) throws IOException {
    return store.image(config).isPresent();
  }

  /** True if {@code ref} named another image (or none) before: docker's "newer image". */
  @Override
  public boolean record(ImageReference ref, ResolvedImage image) throws IOException {
    ImageReference named = ref.dockerRef();
    Optional<Digest> before = imageOf(named);
    List<ImageReference> refs = new ArrayList<>();
    refs.add(named);
    if (named.digest().isEmpty()) {
      refs.add(named.repository().withDigest(image.registryDigest()));
    }
    Descriptor manifest =
        Descriptor.of(
            image.manifest().mediaType(), image.manifestDigest(), image.manifest().raw().length);
    store.addImage(manifest, refs, Map.of());
    return !before.equals(Optional.of(image.config().digest()));
  }

  private Optional<Digest> imageOf(ImageReference ref) throws IOException {
    for (Image i : store.images()) {
      if (i.references().contains(ref)) {
        return Optional.of(i.id());
      }
    }
    return Optional.empty();
  }
}
