package io.jdock.store;

import io.jdock.layer.LayerInfo;
import io.jdock.oci.Digest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Extracts one layer blob; the store calls it once per diff_id, in a temp dir it then renames into
 * place. The layer package's extractor is wired in by the caller ({@code extractor::extract}), so
 * the store does not depend on how layers are read.
 */
@FunctionalInterface
public interface LayerUnpacker {
  /**
   * Extracts {@code blob} (a layer tar, compressed or not) into {@code rootfs} (an existing empty
   * directory) and writes its table of contents to {@code tocFile} (which does not exist yet). With
   * {@code expectedDiffId}, fails unless the uncompressed tar has that digest.
   */
  LayerInfo unpack(InputStream blob, Path rootfs, Path tocFile, Optional<Digest> expectedDiffId)
      throws IOException;
}
