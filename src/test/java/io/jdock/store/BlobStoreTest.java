package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.Digest;
import io.jdock.oci.InvalidContentException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlobStoreTest {
  private static final byte[] HELLO = "hello".getBytes(StandardCharsets.UTF_8);
  private static final Digest HELLO_DIGEST = Digest.sha256(HELLO);

  @TempDir Path root;
  private ImageStore store;
  private BlobStore blobs;

  @BeforeEach
  void open() throws IOException {
    store = ImageStore.open(StorePaths.of(root));
    blobs = store.blobs();
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  @Test
  void putStoresContentAtItsDigest() throws IOException {
    StoredBlob stored =
        blobs.put(new ByteArrayInputStream(HELLO), Optional.empty(), OptionalLong.empty());
    assertThat(stored).isEqualTo(new StoredBlob(HELLO_DIGEST, 5));
    assertThat(root.resolve("blobs/sha256/" + HELLO_DIGEST.hex())).hasBinaryContent(HELLO);
    assertThat(blobs.has(HELLO_DIGEST)).isTrue();
    assertThat(blobs.size(HELLO_DIGEST)).isEqualTo(5);
    assertThat(blobs.read(HELLO_DIGEST)).isEqualTo(HELLO);
    try (InputStream in = blobs.open(HELLO_DIGEST)) {
      assertThat(in.readAllBytes()).isEqualTo(HELLO);
    }
    assertThat(tempFiles()).isZero();
  }

  @Test
  void putIsIdempotentAndDoesNotReadWhatIsStored() throws IOException {
    blobs.putBytes(HELLO);
    InputStream mustNotBeRead =
        new InputStream() {
          @Override
          public int read() {
            throw new AssertionError("read a stored blob again");
          }
        };
    assertThat(blobs.put(mustNotBeRead, Optional.of(HELLO_DIGEST), OptionalLong.of(5)))
        .isEqualTo(new StoredBlob(HELLO_DIGEST, 5));
    assertThat(blobs.put(new ByteArrayInputStream(HELLO), Optional.empty(), OptionalLong.empty()))
        .isEqualTo(new StoredBlob(HELLO_DIGEST, 5));
    assertThat(blobs.list()).containsExactly(HELLO_DIGEST);
  }

  @Test
  void digestMismatchStoresNothing() {
    Digest other = Digest.sha256("other".getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(
            () ->
                blobs.put(
                    new ByteArrayInputStream(HELLO), Optional.of(other), OptionalLong.empty()))
        .isInstanceOf(InvalidContentException.class)
        .hasMessage("digest mismatch: expected " + other + ", got " + HELLO_DIGEST);
    assertThat(blobs.has(other)).isFalse();
    assertThat(blobs.has(HELLO_DIGEST)).isFalse();
    assertThat(tempFiles()).isZero();
  }

  @Test
  void sizeMismatchStoresNothing() {
    assertThatThrownBy(
            () ->
                blobs.put(
                    new ByteArrayInputStream(HELLO), Optional.of(HELLO_DIGEST), OptionalLong.of(6)))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("size mismatch");
    assertThatThrownBy(
            () ->
                blobs.put(
                    new ByteArrayInputStream(HELLO), Optional.of(HELLO_DIGEST), OptionalLong.of(3)))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("longer than its size 3");
    assertThat(blobs.has(HELLO_DIGEST)).isFalse();
    assertThat(tempFiles()).isZero();
  }

  @Test
  void aStreamFailingMidwayLeavesNoBlobAndNoTempGarbageAfterReopen() throws IOException {
    // Fails in the bulk read (InputStream's default read(byte[]) would swallow a later failure).
    InputStream failing =
        new InputStream() {
          private int calls;

          @Override
          public int read() {
            throw new AssertionError("bulk reads only");
          }

          @Override
          public int read(byte[] b, int off, int len) throws IOException {
            if (++calls > 3) {
              throw new IOException("connection reset");
            }
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            return len;
          }
        };
    assertThatThrownBy(() -> blobs.put(failing, Optional.empty(), OptionalLong.empty()))
        .hasMessage("connection reset");
    assertThat(blobs.list()).isEmpty();
    assertThat(tempFiles()).isZero();
    store.close();
    store = ImageStore.open(StorePaths.of(root));
    try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
      assertThat(tmp).hasSize(2); // only the new store's own dir and lock file
    }
    assertThat(store.blobs().list()).isEmpty();
  }

  @Test
  void readDetectsCorruptionAndMissingBlobs() throws IOException {
    blobs.putBytes(HELLO);
    Files.writeString(blobs.path(HELLO_DIGEST), "hellO");
    assertThatThrownBy(() -> blobs.read(HELLO_DIGEST))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("is corrupt");
    Digest missing = Digest.sha256(new byte[] {1});
    assertThatThrownBy(() -> blobs.read(missing))
        .isInstanceOf(BlobNotFoundException.class)
        .hasMessage("reading blob: blob " + missing + " not found in the store");
    assertThatThrownBy(() -> blobs.open(missing)).isInstanceOf(BlobNotFoundException.class);
    assertThatThrownBy(() -> blobs.size(missing)).isInstanceOf(BlobNotFoundException.class);
  }

  @Test
  void listIgnoresNamesThatAreNotDigests() throws IOException {
    blobs.putBytes(HELLO);
    Files.writeString(root.resolve("blobs/sha256/not-a-digest"), "x");
    assertThat(blobs.list()).containsExactly(HELLO_DIGEST);
  }

  private long tempFiles() {
    try (Stream<Path> files = Files.walk(store.temp().dir())) {
      return files.filter(Files::isRegularFile).count();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
