package io.jdock.union;

import io.jdock.layer.LayerEntry;
import java.nio.file.Path;
import java.util.List;

/**
 * One read-only lower layer of a union: its entries in layer order (from the layer's TOC, or from a
 * scan of a plain directory) and the directory holding the content of its regular files. With
 * {@code liveXattrs} the entries carry no xattrs: they are read from the files under dataRoot when
 * asked for (a plain directory used as a layer).
 */
public record LowerLayer(List<LayerEntry> entries, Path dataRoot, boolean liveXattrs) {
  public LowerLayer {
    entries = List.copyOf(entries);
  }

  /** A layer whose entries carry their xattrs (from a TOC). */
  public LowerLayer(List<LayerEntry> entries, Path dataRoot) {
    this(entries, dataRoot, false);
  }
}
