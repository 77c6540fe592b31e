package io.jdock.union;

import io.jdock.layer.LayerEntry;
import java.nio.file.Path;
import java.util.List;

/**
 * One read-only lower layer of a union: its entries in layer order (from the layer's TOC, or from a
 * scan of a plain directory) and the directory holding the content of its regular files.
 */
public record LowerLayer(List<LayerEntry> entries, Path dataRoot) {
  public LowerLayer {
    entries = List.copyOf(entries);
  }
}
