package io.jdock.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.oci.Digest;
import io.jdock.store.ImageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What a store must look like after a refused load or import. */
final class StoreChecks {
  private StoreChecks() {}

  /**
   * No image registered, no temp file left but the open store's own (empty) temp dir, every blob
   * complete (its content hashes to its name), every extracted layer complete.
   */
  static void assertNothingHalfDone(ImageStore store) throws IOException {
    assertThat(store.images()).isEmpty();
    Path tmp = store.paths().tmpDir();
    try (Stream<Path> entries = Files.list(tmp)) {
      List<Path> dirs = entries.filter(Files::isDirectory).toList();
      assertThat(dirs).as("temp dirs").hasSize(1);
      try (Stream<Path> inside = Files.list(dirs.get(0))) {
        assertThat(inside.toList()).as("files in the store's temp dir").isEmpty();
      }
    }
    try (Stream<Path> blobs = Files.list(store.paths().blobsDir())) {
      for (Path blob : blobs.toList()) {
        assertThat(Digest.sha256(Files.readAllBytes(blob)).hex())
            .as("content of " + blob)
            .isEqualTo(blob.getFileName().toString());
      }
    }
    if (Files.isDirectory(store.paths().layersDir())) {
      try (Stream<Path> layers = Files.list(store.paths().layersDir())) {
        for (Path layer : layers.toList()) {
          assertThat(layer.resolve("info.json")).as("a layer dir is complete").exists();
        }
      }
    }
  }
}
