package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskUsageMeterTest {
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
  void emptyStore() throws IOException {
    DiskUsage.Usage zero = new DiskUsage.Usage(0, 0, 0, 0);
    assertThat(store.diskUsage()).isEqualTo(new DiskUsage(zero, zero, zero));
  }

  @Test
  void countsSharedLayersOnceAndWhatRemovingTheUnusedWouldFree() throws Exception {
    TestImages.Built used = TestImages.add(store, "u", List.of("u"), "shared", "used-own");
    TestImages.add(store, "i", List.of("i"), "shared", "idle-own!");
    TestImages.Built spare = TestImages.add(store, "s", List.of(), "spare");
    // Extract one layer: its content size (10x the blob in the fake) counts where extracted.
    store
        .layers()
        .ensure(spare.diffIds().get(0), spare.layerBlobs().get(0), new TestImages.FakeUnpacker());
    store
        .containers()
        .create(
            Records.container(
                store,
                Records.id('1'),
                "run",
                used,
                new ContainerState.Running(ProcessHandle.current().pid(), Instant.now())));
    store
        .containers()
        .create(
            Records.container(
                store,
                Records.id('2'),
                "stop",
                used,
                new ContainerState.Exited(1, Instant.now(), Instant.now())));
    Files.write(store.containers().upperDir(Records.id('1')).resolve("f"), new byte[100]);
    Files.write(store.containers().upperDir(Records.id('2')).resolve("f"), new byte[7]);

    DiskUsage usage = store.diskUsage();

    long shared = "shared".length();
    long usedOwn = "used-own".length();
    long idleOwn = "idle-own!".length();
    long spareExtracted = 10 * "spare".length();
    assertThat(usage.images())
        .isEqualTo(
            new DiskUsage.Usage(
                3, 1, shared + usedOwn + idleOwn + spareExtracted, idleOwn + spareExtracted));
    assertThat(usage.containers()).isEqualTo(new DiskUsage.Usage(2, 1, 107, 7));
    assertThat(usage.layers()).isEqualTo(new DiskUsage.Usage(1, 1, spareExtracted, 0));
  }
}
