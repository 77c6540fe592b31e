package io.jdock.registry.pull;

import io.jdock.oci.Descriptor;
import java.io.IOException;

/**
 * Receives the layers of a pulled image in order, base first, each as soon as it and every layer
 * below it are stored, one at a time on the pulling thread, so extraction overlaps the downloads of
 * the layers above.
 */
@FunctionalInterface
public interface LayerHandler {
  /** Does nothing (a pull that only stores blobs). */
  LayerHandler NONE = (index, layer, progress) -> {};

  /** Reports how many compressed bytes of the layer extraction has consumed. */
  @FunctionalInterface
  interface ExtractProgress {
    void consumed(long bytes);
  }

  void layerReady(int index, Descriptor layer, ExtractProgress progress) throws IOException;
}
