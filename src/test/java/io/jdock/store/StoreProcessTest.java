package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageIndex;
import io.jdock.reference.ImageReference;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVMs on one store: no update is lost, and a process killed with SIGKILL (holding the
 * lock, or in the middle of writing) leaves a store the next process uses without error.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES) // a safety net against hangs, not a speed check
class StoreProcessTest {
  @TempDir Path root;

  private Process worker(String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StoreWorker.class.getName());
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
  }

  private static BufferedReader output(Process process) {
    return new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  private static void kill(Process process) throws InterruptedException {
    process.destroyForcibly(); // SIGKILL on Linux
    process.waitFor();
  }

  @Test
  void concurrentProcessesLoseNoUpdate() throws Exception {
    try (ImageStore store = ImageStore.open(StorePaths.of(root))) {
      TestImages.add(store, "base", List.of("base"), "base layer");
    }
    int workers = 4;
    int count = 30;
    List<Process> processes = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      processes.add(worker("tag", root.toString(), "w" + w, String.valueOf(count)));
    }
    for (Process process : processes) {
      assertThat(output(process).readLine()).isEqualTo("done");
      assertThat(process.waitFor()).isZero();
    }

    Set<String> expected = new HashSet<>();
    expected.add("docker.io/library/base:latest");
    for (int w = 0; w < workers; w++) {
      for (int i = 0; i < count; i++) {
        if (i % 3 != 0) {
          expected.add("localhost/w" + w + ":" + i);
        }
        if (i % 10 == 0) {
          expected.add("localhost/w" + w + "-own:" + i);
        }
      }
    }
    try (ImageStore store = ImageStore.open(StorePaths.of(root))) {
      Set<String> actual = new HashSet<>();
      for (Image image : store.images()) {
        image.references().forEach(r -> actual.add(r.toString()));
      }
      assertThat(actual).isEqualTo(expected);
      assertConsistent(store);
    }
  }

  @Test
  void aProcessKilledWhileHoldingTheLockDoesNotBlockTheNext() throws Exception {
    try (ImageStore store = ImageStore.open(StorePaths.of(root))) {
      TestImages.add(store, "a", List.of("a"));
    }
    Process holder = worker("hold-lock", root.toString());
    assertThat(output(holder).readLine()).isEqualTo("locked");
    try (ImageStore store = ImageStore.open(StorePaths.of(root))) {
      assertThat(store.storeLock().tryExclusive()).isEmpty();
      kill(holder);
      store.tag(store.find("a").orElseThrow(), ImageReference.parse("b"));
      assertThat(store.find("b")).isPresent();
      assertConsistent(store);
    }
  }

  @Test
  void processesKilledMidWriteLeaveAUsableStore() throws Exception {
    for (int round = 0; round < 3; round++) {
      Process writer = worker("write-loop", root.toString());
      BufferedReader out = output(writer);
      for (int i = 0; i <= round * 2 + 1; i++) {
        assertThat(out.readLine()).startsWith("iteration ");
      }
      kill(writer);
      try (ImageStore store = ImageStore.open(StorePaths.of(root))) {
        try (Stream<Path> tmp = Files.list(root.resolve("tmp"))) {
          // Only the new store's temp dir and its lock file: the dead writer's were removed.
          assertThat(tmp.map(p -> p.getFileName().toString()))
              .allMatch(name -> name.startsWith(store.temp().dir().getFileName().toString()))
              .hasSize(2);
        }
        assertConsistent(store);
        store.gc();
        assertConsistent(store);
        TestImages.add(store, "after" + round, List.of("after:" + round), "l");
      }
    }
  }

  @Test
  void aLiveProcessKeepsItsTempDirAndHoldsOffCollection() throws Exception {
    Process leaser = worker("lease", root.toString());
    String line = output(leaser).readLine();
    assertThat(line).startsWith("leased ");
    Path leaserTemp = Path.of(line.substring("leased ".length()));
    try (ImageStore store = ImageStore.open(StorePaths.of(root))) {
      assertThat(leaserTemp).isDirectory();
      TestImages.store(store, "orphan", "l");
      assertThat(store.gcIfIdle()).isEmpty();
      kill(leaser);
      assertThat(store.gcIfIdle()).map(r -> r.blobs().size()).contains(3);
    }
    try (ImageStore store = ImageStore.open(StorePaths.of(root))) {
      assertThat(leaserTemp).doesNotExist();
    }
  }

  /** index.json parses, every blob is intact, and every entry's content is there. */
  private static void assertConsistent(ImageStore store) throws IOException {
    ImageIndex index = store.indexFile().read();
    for (Digest blob : store.blobs().list()) {
      assertThat(Digest.sha256(Files.readAllBytes(store.blobs().path(blob)))).isEqualTo(blob);
    }
    for (Descriptor entry : index.manifests()) {
      assertThat(store.blobs().has(entry.digest())).isTrue();
    }
    for (Image image : store.images()) {
      assertThat(store.blobs().has(image.id())).isTrue();
      image
          .manifest()
          .value()
          .layers()
          .forEach(l -> assertThat(store.blobs().has(l.digest())).isTrue());
    }
    assertThat(store.images())
        .hasSize((int) index.manifests().stream().map(Descriptor::digest).distinct().count());
  }
}
