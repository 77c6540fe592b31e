package io.jdock.container;

import io.jdock.registry.Registries;
import io.jdock.registry.pull.PullException;
import io.jdock.registry.pull.PullListener;
import io.jdock.registry.pull.PullRequest;
import io.jdock.registry.pull.PullResult;
import io.jdock.registry.pull.Puller;
import io.jdock.store.ImageStore;
import io.jdock.store.LayerUnpacker;
import io.jdock.store.StoreLock;
import java.io.IOException;

/**
 * {@code jdock pull}: the registry's {@link Puller} writing into the image store. Blobs are
 * verified while they stream and committed only when complete, layers are extracted in order as
 * soon as they are stored, and the image is recorded last, under its tag and its registry digest.
 * Garbage collection is held off for the whole pull, so nothing written for the image is collected
 * before it is recorded; a pull that fails or is killed leaves verified blobs (reused by the next
 * pull as "Already exists") and no image.
 */
public final class ImagePuller {
  private final Registries registries;
  private final ImageStore store;
  private final LayerUnpacker unpacker;

  public ImagePuller(Registries registries, ImageStore store) {
    this(registries, store, Layers.unpacker());
  }

  ImagePuller(Registries registries, ImageStore store, LayerUnpacker unpacker) {
    this.registries = registries;
    this.store = store;
    this.unpacker = unpacker;
  }

  public PullResult pull(PullRequest request, PullListener listener)
      throws PullException, IOException {
    try (StoreLock.Held lease = store.leaseContent()) {
      return new Puller(registries)
          .pull(request, new StoreImageSink(store), new LayerExtraction(store, unpacker), listener);
    }
  }
}
