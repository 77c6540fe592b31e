package io.jdock.container;

import io.jdock.layer.DiffIdMismatchException;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageConfig;
import io.jdock.oci.InvalidContentException;
import io.jdock.registry.ResolvedImage;
import io.jdock.registry.pull.LayerHandler;
import io.jdock.registry.pull.LiveBlob;
import io.jdock.store.ImageStore;
import io.jdock.store.LayerStore;
import io.jdock.store.LayerUnpacker;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Extracts each layer of a pulled image into the store as the puller hands it over: while it
 * downloads (the layer is moved into place once its blob is verified and stored) or from the stored
 * blob, so extraction overlaps the downloads. A layer is keyed by the diff_id the image's config
 * lists at its position; one that is extracted already (by another image or a concurrent pull) is
 * not extracted again.
 */
final class LayerExtraction implements LayerHandler {
  /** How many compressed bytes pass between two "Extracting" progress reports. */
  private static final long REPORT_EVERY = 256 * 1024;

  private final ImageStore store;
  private final LayerUnpacker unpacker;
  private final Map<Digest, List<Digest>> diffIdsByConfig = new HashMap<>();

  LayerExtraction(ImageStore store, LayerUnpacker unpacker) {
    this.store = store;
    this.unpacker = unpacker;
  }

  @Override
  public void layerReady(
      ResolvedImage image,
      int index,
      Descriptor layer,
      Optional<LiveBlob> live,
      ExtractProgress progress)
      throws IOException {
    Digest diffId = diffIds(image).get(index);
    if (store.layers().has(diffId)) {
      return;
    }
    LayerUnpacker counted =
        (in, rootfs, toc, expected) ->
            unpacker.unpack(new Counting(in, progress), rootfs, toc, expected);
    try {
      if (live.isPresent()) {
        store.layers().ensure(diffId, layer.digest(), counted, source(live.get()));
      } else {
        store.layers().ensure(diffId, layer.digest(), counted);
      }
    } catch (DiffIdMismatchException e) {
      // docker's pull (moby pull_v2.go errRootFSMismatch); the details stay in the cause.
      throw new InvalidContentException("layers from manifest don't match image configuration", e);
    }
  }

  private static LayerStore.LayerSource source(LiveBlob live) {
    return new LayerStore.LayerSource() {
      @Override
      public InputStream open() {
        return live.stream();
      }

      @Override
      public void awaitStored() throws IOException {
        live.awaitStored();
      }
    };
  }

  private List<Digest> diffIds(ResolvedImage image) throws IOException {
    Digest config = image.config().digest();
    List<Digest> ids = diffIdsByConfig.get(config);
    if (ids == null) {
      ids = ImageConfig.parse(store.blobs().read(config)).value().diffIds();
      if (ids.size() != image.layers().size()) {
        throw new IOException(
            "layers from manifest don't match image configuration ("
                + image.layers().size()
                + " layers, "
                + ids.size()
                + " diff_ids)");
      }
      diffIdsByConfig.put(config, ids);
    }
    return ids;
  }

  /** Reports the bytes extraction reads, every {@link #REPORT_EVERY} and at the end. */
  private static final class Counting extends FilterInputStream {
    private final ExtractProgress progress;
    private long consumed;
    private long reported;

    Counting(InputStream in, ExtractProgress progress) {
      super(in);
      this.progress = progress;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      count(b < 0 ? -1 : 1);
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      count(n);
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      count(skipped);
      return skipped;
    }

    private void count(long n) {
      if (n > 0) {
        consumed += n;
      }
      if (consumed - reported >= REPORT_EVERY || (n < 0 && consumed > reported)) {
        reported = consumed;
        progress.consumed(consumed);
      }
    }
  }
}
