package io.jdock.container;

import io.jdock.layer.LayerExtractor;
import io.jdock.layer.LayerToc;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.store.Image;
import io.jdock.store.ImageStore;
import io.jdock.store.LayerUnpacker;
import io.jdock.sys.Posix;
import io.jdock.union.LowerLayer;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An image's layers on disk: extracted once into the store (by diff_id, shared by every image), and
 * read back as the lower layers of a union.
 */
public final class Layers {
  private Layers() {}

  /** The extractor the store uses: privileged (owners, devices, every xattr) when root. */
  public static LayerUnpacker unpacker() {
    LayerExtractor extractor = new LayerExtractor(Posix.geteuid() == 0);
    return extractor::extract;
  }

  /** Extracts every layer of IMAGE that is not extracted yet. */
  public static void ensureExtracted(ImageStore store, Image image) throws IOException {
    List<Digest> diffIds = image.diffIds();
    List<Descriptor> blobs = image.manifest().value().layers();
    if (diffIds.size() != blobs.size()) {
      throw new IOException(
          "invalid image "
              + image.id().shortHex()
              + ": "
              + blobs.size()
              + " layers but "
              + diffIds.size()
              + " diff_ids");
    }
    LayerUnpacker unpacker = unpacker();
    for (int i = 0; i < diffIds.size(); i++) {
      store.layers().ensure(diffIds.get(i), blobs.get(i).digest(), unpacker);
    }
  }

  /** The image's layers as union lower layers, base first (extracting what is missing). */
  public static List<LowerLayer> lowerLayers(ImageStore store, Image image) throws IOException {
    ensureExtracted(store, image);
    List<LowerLayer> lowers = new ArrayList<>();
    for (Digest diffId : image.diffIds()) {
      LayerToc.Toc toc = LayerToc.read(store.layers().toc(diffId));
      lowers.add(new LowerLayer(toc.entries(), store.layers().rootfs(diffId)));
    }
    return lowers;
  }
}
