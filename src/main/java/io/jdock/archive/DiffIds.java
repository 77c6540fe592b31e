package io.jdock.archive;

import io.jdock.layer.Compression;
import io.jdock.layer.LayerInfo;
import io.jdock.oci.Digest;
import io.jdock.store.LayerUnpacker;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * Checks that layers hash to their config's diff_ids (image-spec config.md#layer-diffid), with
 * moby's messages: the layer count first, then each layer, numbered from 0.
 */
final class DiffIds {
  private DiffIds() {}

  /** {@code invalid manifest, layers length mismatch: expected %d, got %d}. */
  static void checkCount(int layers, List<Digest> diffIds) throws InvalidArchiveException {
    if (layers != diffIds.size()) {
      throw new InvalidArchiveException(
          "invalid manifest, layers length mismatch: expected "
              + layers
              + ", got "
              + diffIds.size());
    }
  }

  /** {@code invalid diffID for layer %d: expected %q, got %q}. */
  static InvalidArchiveException mismatch(int layer, Digest expected, Digest actual) {
    return new InvalidArchiveException(
        "invalid diffID for layer "
            + layer
            + ": expected \""
            + expected
            + "\", got \""
            + actual
            + "\"");
  }

  /** A layer's tar: its diff_id and size. */
  record Tar(Digest diffId, long size) {}

  /** The sha256 of the decompressed content of a layer file. */
  static Digest of(ArchiveFile layer, Compression compression) throws IOException {
    return tar(layer, compression).diffId();
  }

  /** The diff_id and size of the decompressed content of a layer file. */
  static Tar tar(ArchiveFile layer, Compression compression) throws IOException {
    if (compression == Compression.NONE) {
      return new Tar(layer.digest(), layer.size());
    }
    MessageDigest sha256 = Digest.newSha256();
    long size = 0;
    try (InputStream raw = layer.open();
        InputStream in = compression.decompressing(raw)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        sha256.update(buffer, 0, n);
        size += n;
      }
    }
    return new Tar(Digest.fromMessageDigest(sha256.digest()), size);
  }

  /**
   * An unpacker that checks layer {@code layer}'s diff_id itself, so that a mismatch found while
   * extracting is reported with moby's message and the layer's number.
   */
  static LayerUnpacker checking(LayerUnpacker unpacker, int layer) {
    return (blob, rootfs, toc, expected) -> {
      LayerInfo info = unpacker.unpack(blob, rootfs, toc, Optional.empty());
      if (expected.isPresent() && !expected.get().equals(info.diffId())) {
        throw mismatch(layer, expected.get(), info.diffId());
      }
      return info;
    };
  }
}
