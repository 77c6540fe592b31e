package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.fuse.FuseMount;
import io.jdock.oci.ContainerConfig;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ContainerState;
import io.jdock.store.ImageStore;
import io.jdock.store.StorePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real containers (FUSE rootfs, namespaces made by util-linux) from an image holding the
 * host's /bin/sh: CI runs as root with /dev/fuse.
 */
class ContainerRunnerTest {
  @TempDir Path tmp;
  private ImageStore store;
  private Containers containers;

  @BeforeEach
  void setUp() throws Exception {
    store = ImageStore.open(StorePaths.of(tmp.resolve("store")));
    containers = new Containers(store);
    TestImage.add(
        store,
        "shell",
        ContainerConfig.EMPTY.withCmd(List.of("sh")).withWorkingDir("/work"),
        TestImage.shellRoot(Files.createDirectories(tmp.resolve("root"))));
  }

  @AfterEach
  void tearDown() throws Exception {
    store.close();
  }

  private ContainerRecord create(String name, boolean autoRemove, boolean stdin, String... cmd)
      throws Exception {
    return containers.create(
        new CreateRequest(
            "shell",
            Optional.of(name),
            List.of(cmd),
            Optional.empty(),
            List.of("GREETING=hello"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            false,
            stdin,
            autoRemove));
  }

  private List<String> log(ContainerRecord r, boolean stderr) throws Exception {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(store.paths().containerLog(r.id()))) {
      ContainerLog.Entry e = ContainerLog.parse(line).orElseThrow();
      if (e.stderr() == stderr) {
        out.add(e.log().strip());
      }
    }
    return out;
  }

  @Test
  void theCommandRunsAsPid1InItsOwnRootAndItsExitCodeIsRecorded() throws Exception {
    ContainerRecord r =
        create(
            "one",
            false,
            false,
            "sh",
            "-c",
            "echo $GREETING; echo oops >&2; echo $$; pwd; read h < /etc/hostname; echo $h;"
                + " echo hi > /f; test -c /dev/null && echo devnull; exit 3");
    List<Boolean> ready = new ArrayList<>();
    containers.monitor(r.id(), () -> ready.add(true));
    ContainerRecord after = containers.find("one");
    assertThat(after.state())
        .isInstanceOfSatisfying(
            ContainerState.Exited.class, e -> assertThat(e.exitCode()).isEqualTo(3));
    assertThat(ready).containsExactly(true);
    assertThat(log(r, false)).containsExactly("hello", "1", "/work", r.shortId(), "devnull");
    assertThat(log(r, true)).containsExactly("oops");
    assertThat(r.upperDir().resolve("f")).hasContent("hi");
    assertThat(r.upperDir().resolve("work")).isDirectory();
    assertThat(r.upperDir().resolve("etc/hostname")).doesNotExist();
    assertThat(FuseMount.isMountPoint(store.paths().containerRootfs(r.id()))).isFalse();
    assertThat(OwnerLock.isHeld(store.paths().containerLock(r.id()))).isFalse();
    assertThat(ContainerDiff.of(store, after))
        .extracting(Object::toString)
        .containsExactly("A /f", "A /work");
  }

  @Test
  void aMissingCommandFailsWith127AndLeavesTheContainerCreated() throws Exception {
    ContainerRecord r = create("missing", false, false, "nothere");
    assertThatThrownBy(() -> containers.monitor(r.id(), () -> {}))
        .isInstanceOfSatisfying(
            ContainerException.class, e -> assertThat(e.exitCode()).isEqualTo(127))
        .hasMessageContaining("executable file not found in $PATH");
    assertThat(containers.find("missing").state()).isEqualTo(new ContainerState.Created());
    assertThat(FuseMount.isMountPoint(store.paths().containerRootfs(r.id()))).isFalse();
  }

  @Test
  void stopKillsAProcessThatIgnoresSigterm() throws Exception {
    ContainerRecord r = create("stubborn", false, true, "sh", "-c", "trap '' TERM; read x");
    CompletableFuture<Void> ready = new CompletableFuture<>();
    CompletableFuture<Void> done =
        CompletableFuture.runAsync(
            () -> {
              try {
                containers.monitor(r.id(), () -> ready.complete(null));
              } catch (Exception e) {
                ready.completeExceptionally(e);
                throw new IllegalStateException(e);
              }
            });
    ready.get(60, TimeUnit.SECONDS);
    assertThat(containers.find("stubborn").state()).isInstanceOf(ContainerState.Running.class);
    new ContainerControl(containers).stop("stubborn", 1, Optional.empty());
    done.get(60, TimeUnit.SECONDS);
    assertThat(containers.find("stubborn").state())
        .isInstanceOfSatisfying(
            ContainerState.Exited.class, e -> assertThat(e.exitCode()).isEqualTo(137));
  }

  @Test
  void twoContainersOfOneImageDoNotSeeEachOthersWrites() throws Exception {
    ContainerRecord a = create("aa", false, false, "sh", "-c", "echo a > /mine; test ! -e /theirs");
    ContainerRecord b = create("bb", false, false, "sh", "-c", "echo b > /theirs; test ! -e /mine");
    CompletableFuture<Void> first =
        CompletableFuture.runAsync(
            () -> {
              try {
                containers.monitor(a.id(), () -> {});
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    containers.monitor(b.id(), () -> {});
    first.get(60, TimeUnit.SECONDS);
    for (String name : List.of("aa", "bb")) {
      assertThat(containers.find(name).state())
          .isInstanceOfSatisfying(
              ContainerState.Exited.class, e -> assertThat(e.exitCode()).isZero());
    }
    assertThat(a.upperDir().resolve("mine")).hasContent("a");
    assertThat(a.upperDir().resolve("theirs")).doesNotExist();
    assertThat(b.upperDir().resolve("theirs")).hasContent("b");
  }

  @Test
  void anAutoRemovedContainerIsGoneAfterItsRun() throws Exception {
    ContainerRecord r = create("temp", true, false, "sh", "-c", "exit 0");
    containers.monitor(r.id(), () -> {});
    assertThat(store.containers().get(r.id())).isEmpty();
    assertThat(store.paths().containerDir(r.id())).doesNotExist();
  }
}
