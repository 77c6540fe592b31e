package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.Digest;
import io.jdock.oci.InvalidContentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PendingBlobTest {
  private static final byte[] CONTENT = "hello, pending blob".getBytes(StandardCharsets.UTF_8);
  private static final Digest DIGEST = Digest.sha256(CONTENT);

  @TempDir Path root;
  private ImageStore store;

  @BeforeEach
  void open() throws IOException {
    store = ImageStore.open(StorePaths.of(root));
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  @Test
  void piecesAreVisibleOnlyAfterCommit() throws IOException {
    try (PendingBlob w = store.blobs().begin(DIGEST, CONTENT.length)) {
      w.write(CONTENT, 0, 5);
      w.write(CONTENT, 5, CONTENT.length - 5);
      assertThat(w.size()).isEqualTo(CONTENT.length);
      assertThat(store.blobs().has(DIGEST)).isFalse();
      assertThat(w.commit()).isEqualTo(new StoredBlob(DIGEST, CONTENT.length));
    }
    assertThat(store.blobs().read(DIGEST)).isEqualTo(CONTENT);
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void aFollowerReadsTheBytesAsTheyAreWrittenAndEndsAtCommit() throws Exception {
    try (PendingBlob w = store.blobs().begin(DIGEST, CONTENT.length)) {
      java.util.concurrent.CompletableFuture<byte[]> read;
      try (java.io.InputStream in = w.follow()) {
        read =
            java.util.concurrent.CompletableFuture.supplyAsync(
                () -> {
                  try {
                    return in.readAllBytes();
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
        w.write(CONTENT, 0, 5);
        Thread.sleep(50);
        assertThat(read).isNotDone();
        w.write(CONTENT, 5, CONTENT.length - 5);
        Thread.sleep(50);
        assertThat(read).as("the stream ends at commit, not at the size").isNotDone();
        w.commit();
        assertThat(read.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(CONTENT);
      }
    }
  }

  @Test
  void aFollowerFailsWhenTheWritingRestartsOrEndsWithoutCommit() throws Exception {
    try (PendingBlob w = store.blobs().begin(DIGEST, CONTENT.length)) {
      java.io.InputStream in = w.follow();
      w.write(CONTENT, 0, 5);
      assertThat(in.readNBytes(5)).isEqualTo(java.util.Arrays.copyOf(CONTENT, 5));
      w.truncate();
      assertThatThrownBy(in::read).hasMessageContaining("started again");
      in.close();
    }
    java.io.InputStream in;
    try (PendingBlob w = store.blobs().begin(DIGEST, CONTENT.length)) {
      in = w.follow();
      w.write(CONTENT, 0, 5);
    }
    assertThatThrownBy(() -> in.readNBytes(5)).hasMessageContaining("did not complete");
    in.close();
  }

  @Test
  void aFollowerOfABlobThatFailsVerificationFails() throws Exception {
    byte[] wrong = CONTENT.clone();
    wrong[0] ^= 1;
    try (PendingBlob w = store.blobs().begin(DIGEST, CONTENT.length);
        java.io.InputStream in = w.follow()) {
      w.write(wrong, 0, wrong.length);
      assertThat(in.readNBytes(wrong.length)).isEqualTo(wrong);
      assertThatThrownBy(w::commit).isInstanceOf(InvalidContentException.class);
      assertThatThrownBy(in::read).hasMessageContaining("did not complete");
    }
    assertThat(store.blobs().has(DIGEST)).isFalse();
  }

  @Test
  void writtenBytesReadBack() throws IOException {
    try (PendingBlob w = store.blobs().begin(DIGEST, CONTENT.length)) {
      w.write(CONTENT, 0, 7);
      try (java.io.InputStream in = w.written()) {
        assertThat(in.readAllBytes()).isEqualTo(java.util.Arrays.copyOf(CONTENT, 7));
      }
      w.write(CONTENT, 7, CONTENT.length - 7);
      w.commit();
    }
    assertThat(store.blobs().read(DIGEST)).isEqualTo(CONTENT);
  }

  @Test
  void truncateStartsOver() throws IOException {
    try (PendingBlob w = store.blobs().begin(DIGEST, CONTENT.length)) {
      w.write("garbage".getBytes(StandardCharsets.UTF_8), 0, 7);
      w.truncate();
      w.write(CONTENT, 0, CONTENT.length);
      w.commit();
    }
    assertThat(store.blobs().read(DIGEST)).isEqualTo(CONTENT);
  }

  @Test
  void closingWithoutCommitLeavesNothing() throws IOException {
    try (PendingBlob w = store.blobs().begin(DIGEST, CONTENT.length)) {
      w.write(CONTENT, 0, CONTENT.length);
      assertThat(tempFiles()).hasSize(1);
    }
    assertThat(store.blobs().has(DIGEST)).isFalse();
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void wrongContentIsRefusedAndNothingIsStored() throws IOException {
    byte[] other = CONTENT.clone();
    other[3] ^= 1;
    PendingBlob w = store.blobs().begin(DIGEST, CONTENT.length);
    w.write(other, 0, other.length);
    assertThatThrownBy(w::commit)
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("digest mismatch: expected " + DIGEST);
    assertThat(store.blobs().has(DIGEST)).isFalse();
    assertThat(tempFiles()).isEmpty();
    assertThatThrownBy(() -> w.write(CONTENT, 0, 1)).hasMessageContaining("writer is closed");
  }

  @Test
  void shortOrLongContentIsRefused() throws IOException {
    try (PendingBlob w = store.blobs().begin(DIGEST, CONTENT.length)) {
      w.write(CONTENT, 0, 3);
      assertThatThrownBy(w::commit).hasMessageContaining("size mismatch");
    }
    try (PendingBlob w = store.blobs().begin(DIGEST, CONTENT.length)) {
      w.write(CONTENT, 0, CONTENT.length);
      assertThatThrownBy(() -> w.write(CONTENT, 0, 1))
          .hasMessageContaining("is longer than its size " + CONTENT.length);
    }
    assertThat(store.blobs().has(DIGEST)).isFalse();
  }

  @Test
  void twoWritersOfTheSameBlobBothSucceed() throws IOException {
    try (PendingBlob a = store.blobs().begin(DIGEST, CONTENT.length);
        PendingBlob b = store.blobs().begin(DIGEST, CONTENT.length)) {
      a.write(CONTENT, 0, CONTENT.length);
      b.write(CONTENT, 0, CONTENT.length);
      a.commit();
      b.commit();
    }
    assertThat(store.blobs().read(DIGEST)).isEqualTo(CONTENT);
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void garbageCollectionWaitsForAnOpenWriter() throws Exception {
    PendingBlob w = store.blobs().begin(DIGEST, CONTENT.length);
    assertThat(store.gcIfIdle()).isEmpty();
    w.write(CONTENT, 0, CONTENT.length);
    w.commit();
    assertThat(store.gcIfIdle()).isPresent();
  }

  private java.util.List<Path> tempFiles() throws IOException {
    try (Stream<Path> files = Files.walk(store.paths().tmpDir())) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> !p.toString().endsWith(".lock"))
          .toList();
    }
  }
}
