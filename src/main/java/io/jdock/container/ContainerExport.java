package io.jdock.container;

import io.jdock.layer.LayerTarWriter;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ImageStore;
import io.jdock.sys.Posix;
import io.jdock.union.DirectoryLayer;
import io.jdock.union.LowerLayer;
import io.jdock.union.Union;
import io.jdock.union.UnionConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code jdock export}: a container's merged filesystem as one plain tar, read in-process from a
 * read-only union of the image's layers and the container's upper dir (taken as a layer), so the
 * container need not run nor be mounted.
 */
public final class ContainerExport {
  private ContainerExport() {}

  /** Writes R's filesystem to OUT (not closed). */
  public static void write(ImageStore store, ContainerRecord r, OutputStream out)
      throws IOException {
    List<LowerLayer> layers = new ArrayList<>(RootfsMount.lowers(store, r));
    if (java.nio.file.Files.isDirectory(r.upperDir())) {
      layers.add(DirectoryLayer.scan(r.upperDir()));
    }
    Union view = Union.open(new UnionConfig(layers, Optional.empty(), Posix.geteuid() == 0));
    try {
      UnionTree tree = UnionTree.walk(view);
      LayerTarWriter.writeEntries(tree.entries(), e -> tree.open(e.path()), out, false);
    } finally {
      view.destroy();
    }
  }
}
