package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.MediaType;
import io.jdock.registry.pull.BlobWriter;
import io.jdock.store.ImageStore;
import io.jdock.store.StorePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreImageSinkTest {
  private static final byte[] DATA = "some layer bytes".getBytes(StandardCharsets.UTF_8);
  private static final Descriptor BLOB =
      Descriptor.of(MediaType.OCI_LAYER_GZIP, Digest.sha256(DATA), DATA.length);

  @TempDir Path root;
  private ImageStore store;
  private StoreImageSink sink;

  @BeforeEach
  void open() throws IOException {
    store = ImageStore.open(StorePaths.of(root));
    sink = new StoreImageSink(store);
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  @Test
  void aCommittedWriterStoresTheBlob() throws IOException {
    try (BlobWriter w = sink.begin(BLOB)) {
      assertThat(w.offset()).isZero();
      w.write(DATA, 0, 4);
      w.write(DATA, 4, DATA.length - 4);
      assertThat(sink.has(BLOB.digest())).isFalse();
      w.commit();
    }
    assertThat(sink.has(BLOB.digest())).isTrue();
    assertThat(store.blobs().read(BLOB.digest())).isEqualTo(DATA);
  }

  @Test
  void anInterruptedBlobLeavesNothing() throws IOException {
    try (BlobWriter w = sink.begin(BLOB)) {
      w.write(DATA, 0, 5);
    }
    assertThat(sink.has(BLOB.digest())).isFalse();
    assertThat(leftovers()).isEmpty();
    try (BlobWriter again = sink.begin(BLOB)) {
      assertThat(again.offset()).as("a new download starts at 0").isZero();
    }
  }

  @Test
  void anAbortedBlobLeavesNothing() throws IOException {
    BlobWriter w = sink.begin(BLOB);
    w.write(DATA, 0, DATA.length);
    w.abort();
    w.close();
    assertThat(sink.has(BLOB.digest())).isFalse();
    assertThat(leftovers()).isEmpty();
  }

  @Test
  void theStoreRefusesBytesThatDoNotVerifyEvenIfTheWriterIsCommitted() throws IOException {
    byte[] other = DATA.clone();
    other[0] ^= 1;
    try (BlobWriter w = sink.begin(BLOB)) {
      w.write(other, 0, other.length);
      assertThatThrownBy(w::commit).hasMessageContaining("digest mismatch");
    }
    assertThat(sink.has(BLOB.digest())).isFalse();
  }

  @Test
  void existingIsWhatWasWritten() throws IOException {
    try (BlobWriter w = sink.begin(BLOB)) {
      w.write(DATA, 0, 6);
      try (java.io.InputStream in = w.existing()) {
        assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOf(DATA, 6));
      }
    }
  }

  @Test
  void aResetRestartsTheBlob() throws IOException {
    try (BlobWriter w = sink.begin(BLOB)) {
      w.write(DATA, 0, 7);
      w.reset();
      assertThat(w.offset()).isZero();
      w.write(DATA, 0, DATA.length);
      w.commit();
    }
    assertThat(store.blobs().read(BLOB.digest())).isEqualTo(DATA);
  }

  @Test
  void putChecksDigestAndSize() throws IOException {
    sink.put(BLOB, DATA);
    assertThat(sink.has(BLOB.digest())).isTrue();
    Descriptor wrong = Descriptor.of(MediaType.OCI_CONFIG, Digest.sha256(new byte[1]), 1);
    assertThatThrownBy(() -> sink.put(wrong, DATA)).isInstanceOf(IOException.class);
    assertThat(sink.has(wrong.digest())).isFalse();
  }

  private java.util.List<Path> leftovers() throws IOException {
    try (Stream<Path> files = Files.walk(store.paths().tmpDir())) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.toString().endsWith(".lock"))
          .toList();
    }
  }
}
