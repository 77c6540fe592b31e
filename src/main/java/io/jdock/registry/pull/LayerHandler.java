package io.jdock.registry.pull;

import io.jdock.oci.Descriptor;
import io.jdock.registry.ResolvedImage;
import java.io.IOException;
import java.util.Optional;

/**
 * Receives the layers of a pulled image in order, base first, one at a time on the pulling thread,
 * so extraction overlaps the downloads of the layers above. A layer comes either stored, or (its
 * download running) as a {@link LiveBlob} to extract while it downloads; nothing made of a live
 * blob may become durable before {@link LiveBlob#awaitStored()} returns. The image's config is
 * stored before its first layer is handed over.
 */
@FunctionalInterface
public interface LayerHandler {
  /** Does nothing (a pull that only stores blobs). */
  LayerHandler NONE = (image, index, layer, live, progress) -> {};

  /** Reports how many compressed bytes of the layer extraction has consumed. */
  @FunctionalInterface
  interface ExtractProgress {
    void consumed(long bytes);
  }

  /**
   * Layer {@code index} (0 = base) of {@code image} is ready: its blob is stored, or is being
   * downloaded into {@code live}.
   */
  void layerReady(
      ResolvedImage image,
      int index,
      Descriptor layer,
      Optional<LiveBlob> live,
      ExtractProgress progress)
      throws IOException;
}
