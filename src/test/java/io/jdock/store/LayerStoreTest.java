package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.layer.LayerInfo;
import io.jdock.oci.Digest;
import io.jdock.oci.InvalidContentException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerStoreTest {
  @TempDir Path root;
  private ImageStore store;
  private LayerStore layers;
  private Digest blob;

  @BeforeEach
  void open() throws IOException {
    store = ImageStore.open(StorePaths.of(root));
    layers = store.layers();
    blob = store.blobs().putBytes("layer content".getBytes(StandardCharsets.UTF_8)).digest();
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  @Test
  void extractsOnceAndSharesTheResult() throws IOException {
    TestImages.FakeUnpacker unpacker = new TestImages.FakeUnpacker();
    assertThat(layers.has(blob)).isFalse();
    assertThat(layers.info(blob)).isEmpty();
    Path dir = layers.ensure(blob, blob, unpacker);
    assertThat(dir).isEqualTo(root.resolve("layers/sha256/" + blob.hex()));
    assertThat(layers.rootfs(blob).resolve("content")).hasContent("layer content");
    assertThat(layers.toc(blob)).hasContent("content\n");
    assertThat(layers.info(blob)).contains(new LayerInfo(blob, 13, 130, 1));
    assertThat(layers.ensure(blob, blob, unpacker)).isEqualTo(dir);
    assertThat(unpacker.calls).hasValue(1);
    assertThat(layers.list()).containsExactly(blob);
    assertThat(tempEntries()).isEmpty();
  }

  @Test
  void aWrongDiffIdLeavesNothing() {
    Digest wrong = Digest.sha256(new byte[] {1});
    assertThatThrownBy(() -> layers.ensure(wrong, blob, new TestImages.FakeUnpacker()))
        .isInstanceOf(InvalidContentException.class);
    // An unpacker that does not check is caught by the store.
    LayerUnpacker careless = (in, rootfs, toc, expected) -> new LayerInfo(blob, 1, 1, 1);
    assertThatThrownBy(() -> layers.ensure(wrong, blob, careless))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("diff_id mismatch: expected " + wrong + ", got " + blob);
    assertThat(layers.has(wrong)).isFalse();
    assertThat(root.resolve("layers/sha256/" + wrong.hex())).doesNotExist();
    assertThat(tempEntries()).isEmpty();
  }

  @Test
  void aLayerExtractedFromALiveSourceIsInPlaceOnlyOnceItsBlobIsStored() throws Exception {
    byte[] content = "layer content".getBytes(StandardCharsets.UTF_8);
    CountDownLatch stored = new CountDownLatch(1);
    List<Boolean> inPlaceWhileWaiting = new ArrayList<>();
    LayerStore.LayerSource live =
        new LayerStore.LayerSource() {
          @Override
          public java.io.InputStream open() {
            return new java.io.ByteArrayInputStream(content);
          }

          @Override
          public void awaitStored() throws IOException {
            inPlaceWhileWaiting.add(layers.has(blob));
            try {
              stored.await();
            } catch (InterruptedException e) {
              throw new java.io.InterruptedIOException();
            }
          }
        };
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Path> done =
          pool.submit(() -> layers.ensure(blob, blob, new TestImages.FakeUnpacker(), live));
      Thread.sleep(100);
      assertThat(done).isNotDone();
      assertThat(layers.has(blob)).isFalse();
      stored.countDown();
      assertThat(done.get()).isEqualTo(root.resolve("layers/sha256/" + blob.hex()));
    } finally {
      pool.shutdownNow();
    }
    assertThat(inPlaceWhileWaiting).containsExactly(false);
    assertThat(layers.rootfs(blob).resolve("content")).hasContent("layer content");
    assertThat(tempEntries()).isEmpty();
  }

  @Test
  void aLiveSourceWhoseBlobFailsLeavesNoLayer() {
    LayerStore.LayerSource failing =
        new LayerStore.LayerSource() {
          @Override
          public java.io.InputStream open() {
            return new java.io.ByteArrayInputStream(
                "layer content".getBytes(StandardCharsets.UTF_8));
          }

          @Override
          public void awaitStored() throws IOException {
            throw new IOException("filesystem layer verification failed");
          }
        };
    assertThatThrownBy(() -> layers.ensure(blob, blob, new TestImages.FakeUnpacker(), failing))
        .hasMessage("filesystem layer verification failed");
    assertThat(layers.has(blob)).isFalse();
    assertThat(root.resolve("layers/sha256/" + blob.hex())).doesNotExist();
    assertThat(tempEntries()).isEmpty();
  }

  @Test
  void aMissingBlobFailsClearly() {
    Digest missing = Digest.sha256(new byte[] {2});
    assertThatThrownBy(() -> layers.ensure(missing, missing, new TestImages.FakeUnpacker()))
        .isInstanceOf(BlobNotFoundException.class);
  }

  @Test
  void concurrentExtractionsOfOneLayerEndWithOneCompleteDir() throws Exception {
    int threads = 4;
    CountDownLatch allInside = new CountDownLatch(threads);
    // Every unpacker waits until all have started, so every thread really extracts.
    LayerUnpacker slow =
        (in, rootfs, toc, expected) -> {
          allInside.countDown();
          try {
            allInside.await();
          } catch (InterruptedException e) {
            throw new IOException(e);
          }
          return new TestImages.FakeUnpacker().unpack(in, rootfs, toc, expected);
        };
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Path>> results = new ArrayList<>();
    for (int i = 0; i < threads; i++) {
      results.add(pool.submit(() -> layers.ensure(blob, blob, slow)));
    }
    for (Future<Path> result : results) {
      assertThat(result.get()).isEqualTo(root.resolve("layers/sha256/" + blob.hex()));
    }
    pool.shutdown();
    assertThat(layers.rootfs(blob).resolve("content")).hasContent("layer content");
    try (Stream<Path> entries = Files.list(layers.rootfs(blob))) {
      assertThat(entries).hasSize(1);
    }
    assertThat(tempEntries()).isEmpty();
  }

  @Test
  void moveAsideTakesTheLayerOutAtOnce() throws IOException {
    layers.ensure(blob, blob, new TestImages.FakeUnpacker());
    Optional<Path> aside = layers.moveAside(blob);
    assertThat(aside).isPresent();
    assertThat(layers.has(blob)).isFalse();
    assertThat(aside.get().resolve("rootfs/content")).exists();
    assertThat(layers.moveAside(blob)).isEmpty();
  }

  private List<Path> tempEntries() {
    try (Stream<Path> entries = Files.list(store.temp().dir())) {
      return entries.toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
