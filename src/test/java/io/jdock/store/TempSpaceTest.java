package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TempSpaceTest {
  @TempDir Path tmp;

  @Test
  void liveTempDirIsLockedAndSurvivesCleaning() throws Exception {
    try (TempSpace space = TempSpace.create(tmp)) {
      assertThat(space.dir().getFileName().toString())
          .startsWith(ProcessHandle.current().pid() + "-");
      Files.writeString(space.newPath("f"), "x");
      assertThat(TempSpace.removeDead(tmp)).isEmpty();
      assertThat(space.dir()).isDirectory();
    }
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void deadProcessesDirsAreRemoved() throws Exception {
    // A dir whose lock file nobody holds: its process died (kill -9).
    Path dead = Files.createDirectory(tmp.resolve("123-dead"));
    Files.writeString(dead.resolve("blob-1"), "partial");
    Files.createFile(tmp.resolve("123-dead.lock"));
    // A dir without any lock file is never in use either.
    Path orphan = Files.createDirectories(tmp.resolve("456-orphan/layer-1/rootfs"));
    Files.setPosixFilePermissions(orphan, PosixFilePermissions.fromString("r-xr-xr-x"));
    try (TempSpace live = TempSpace.create(tmp)) {
      assertThat(TempSpace.removeDead(tmp))
          .containsExactlyInAnyOrder(tmp.resolve("123-dead"), tmp.resolve("456-orphan"));
      try (Stream<Path> left = Files.list(tmp)) {
        assertThat(left.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder(
                live.dir().getFileName().toString(), live.dir().getFileName() + ".lock");
      }
    }
  }

  @Test
  void cleanersInThisJvmNeverTakeALiveTempDir() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    List<Future<?>> futures = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      futures.add(
          pool.submit(
              () -> {
                for (int i = 0; i < 50; i++) {
                  try (TempSpace space = TempSpace.create(tmp)) {
                    Path file = space.newPath("f");
                    Files.writeString(file, "x");
                    TempSpace.removeDead(tmp);
                    assertThat(file).exists();
                  }
                }
                return null;
              }));
    }
    for (Future<?> future : futures) {
      future.get();
    }
    pool.shutdown();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void writeAtomicallyReplacesWholeFiles() throws Exception {
    try (TempSpace space = TempSpace.create(tmp.resolve("t"))) {
      Path target = tmp.resolve("file.json");
      space.writeAtomically(target, "one".getBytes());
      space.writeAtomically(target, "two".getBytes());
      assertThat(target).hasContent("two");
      try (Stream<Path> left = Files.list(space.dir())) {
        assertThat(left).isEmpty();
      }
    }
  }

  @Test
  void discardRemovesReadOnlyTrees() throws Exception {
    try (TempSpace space = TempSpace.create(tmp.resolve("t"))) {
      Path tree = Files.createDirectories(tmp.resolve("tree/a/b"));
      Files.writeString(tree.resolve("f"), "x");
      Files.setPosixFilePermissions(tree, PosixFilePermissions.fromString("r-x------"));
      Files.setPosixFilePermissions(tree.getParent(), PosixFilePermissions.fromString("r-x------"));
      assertThat(space.discard(tmp.resolve("tree"))).isTrue();
      assertThat(tmp.resolve("tree")).doesNotExist();
      assertThat(space.discard(tmp.resolve("tree"))).isFalse();
    }
  }
}
