package io.jdock.registry.pull;

import io.jdock.oci.Descriptor;
import io.jdock.registry.ResolvedImage;
import java.io.IOException;

/**
 * Receives the layers of a pulled image in order, base first, each as soon as it and every layer
 * below it are stored, one at a time on the pulling thread, so extraction overlaps the downloads of
 * the layers above. The image's config is stored before its first layer is handed over.
 */
@FunctionalInterface
public interface LayerHandler {
  /** Does nothing (a pull that only stores blobs). */
  LayerHandler NONE = (image, index, layer, progress) -> {};

  /** Reports how many compressed bytes of the layer extraction has consumed. */
  @FunctionalInterface
  interface ExtractProgress {
    void consumed(long bytes);
  }

  /** Layer {@code index} (0 = base) of {@code image}, whose blob is stored, is ready. */
  void layerReady(ResolvedImage image, int index, Descriptor layer, ExtractProgress progress)
      throws IOException;
}
