package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.ContainerConfig;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ContainerState;
import io.jdock.store.ImageStore;
import io.jdock.store.StorePaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainersTest {
  @TempDir Path tmp;
  private ImageStore store;
  private Containers containers;
  private final MutableClock clock = new MutableClock(Instant.parse("2024-05-06T07:08:09Z"));

  @BeforeEach
  void setUp() throws Exception {
    store = ImageStore.open(StorePaths.of(tmp.resolve("store")));
    containers = new Containers(store, clock, new Random(3));
    Path layer = Files.createDirectories(tmp.resolve("layer"));
    Files.createDirectories(layer.resolve("etc"));
    Files.writeString(layer.resolve("etc/hosts"), "image's hosts\n");
    TestImage.add(
        store,
        "app:1",
        ContainerConfig.EMPTY.withCmd(List.of("/bin/app")).withEnv(List.of("A=1")),
        layer);
  }

  @AfterEach
  void tearDown() throws Exception {
    store.close();
  }

  static CreateRequest request(String image, Optional<String> name) {
    return new CreateRequest(
        image,
        name,
        List.of(),
        Optional.empty(),
        List.of("B=2"),
        Optional.empty(),
        Optional.empty(),
        Optional.of("h1"),
        List.of("/srv:/data:ro"),
        true,
        true,
        false);
  }

  @Test
  void createRecordsTheMergedConfigAGeneratedNameAndAnInitLayer() throws Exception {
    ContainerRecord r = containers.create(request("app:1", Optional.empty()));
    assertThat(r.name()).matches("[a-z]+_[a-z]+");
    assertThat(r.command()).containsExactly("/bin/app");
    assertThat(r.config().env()).containsExactly("A=1", "B=2");
    assertThat(r.state()).isEqualTo(new ContainerState.Created());
    assertThat(r.created()).isEqualTo(clock.instant());
    assertThat(r.hostConfig().hostname()).isEqualTo("h1");
    assertThat(r.hostConfig().binds()).containsExactly("/srv:/data:ro");
    assertThat(r.hostConfig().tty()).isTrue();
    assertThat(store.containers().get(r.id())).contains(r);
    Path init = store.paths().containerInit(r.id());
    assertThat(init.resolve("proc")).isDirectory();
    assertThat(init.resolve("etc/hostname")).isEmptyFile();
    assertThat(init.resolve("etc/hosts")).doesNotExist();
    assertThat(InitLayer.read(init).entries())
        .extracting(e -> e.path())
        .containsExactly("proc", "sys", "dev", "etc/hostname", "etc/resolv.conf");
  }

  @Test
  void namesAreDockersRules() throws Exception {
    containers.create(request("app:1", Optional.of("web")));
    assertThatThrownBy(() -> containers.create(request("app:1", Optional.of("web"))))
        .isInstanceOf(ContainerException.class)
        .hasMessageStartingWith("Conflict. The container name \"/web\" is already in use");
    assertThatThrownBy(() -> containers.create(request("app:1", Optional.of("-bad"))))
        .hasMessage("Invalid container name (-bad), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    assertThat(store.containers().list()).hasSize(1);
  }

  @Test
  void aMissingImageIsDockersErrorAndCreatesNothing() {
    assertThatThrownBy(() -> containers.create(request("nothere", Optional.empty())))
        .isInstanceOfSatisfying(
            ContainerException.class, e -> assertThat(e.exitCode()).isEqualTo(125))
        .hasMessage("No such image: nothere:latest");
    assertThatThrownBy(() -> containers.create(request("UPPER", Optional.empty())))
        .isInstanceOf(ContainerException.class);
  }

  @Test
  void findsByIdNameAndPrefixAndListsNewestFirst() throws Exception {
    ContainerRecord a = containers.create(request("app:1", Optional.of("first")));
    clock.advance(60);
    ContainerRecord b = containers.create(request("app:1", Optional.of("second")));
    assertThat(containers.find("first")).isEqualTo(a);
    assertThat(containers.find("/second")).isEqualTo(b);
    assertThat(containers.find(b.id().substring(0, 6)).id()).isEqualTo(b.id());
    assertThat(containers.list())
        .extracting(ContainerRecord::name)
        .containsExactly("second", "first");
    assertThatThrownBy(() -> containers.find("nope")).hasMessage("No such container: nope");
  }

  @Test
  void theImageColumnFallsBackToTheIdOnceTheTagMoves() throws Exception {
    ContainerRecord r = containers.create(request("app:1", Optional.of("cc")));
    assertThat(containers.imageName(r, true)).isEqualTo("app:1");
    Path other = Files.createDirectories(tmp.resolve("other"));
    Files.writeString(other.resolve("x"), "x");
    TestImage.add(store, "app:1", ContainerConfig.EMPTY.withCmd(List.of("x")), other);
    assertThat(containers.imageName(r, true)).isEqualTo(r.imageId().shortHex());
    assertThat(containers.imageName(r, false)).isEqualTo(r.imageId().toString());
  }

  @Test
  void removeRefusesARunningContainerUnlessForcedAndRemovesTheRest() throws Exception {
    ContainerRecord r = containers.create(request("app:1", Optional.of("busy")));
    Process sleeper = new ProcessBuilder("sleep", "60").start();
    try (OwnerLock owner =
        OwnerLock.tryAcquire(store.paths().containerLock(r.id())).orElseThrow()) {
      store
          .containers()
          .update(
              r.id(), x -> x.withState(new ContainerState.Running(sleeper.pid(), clock.instant())));
      assertThatThrownBy(() -> containers.remove("busy", false))
          .hasMessage(
              "cannot remove container \"/busy\": container is running: stop the container"
                  + " before removing or force remove");
    } finally {
      sleeper.destroyForcibly().waitFor();
    }
    ContainerRecord stale = containers.find("busy");
    assertThat(stale.state()).isInstanceOf(ContainerState.Exited.class);
    assertThat(((ContainerState.Exited) stale.state()).exitCode()).isEqualTo(137);
    containers.remove("busy", false);
    assertThat(store.containers().list()).isEmpty();
    assertThat(store.paths().containerDir(r.id())).doesNotExist();
  }

  @Test
  void aStaleRunningRecordIsSettledButALiveForeignProcessIsNotKilled() throws Exception {
    ContainerRecord r = containers.create(request("app:1", Optional.of("stale")));
    Process other = new ProcessBuilder("sleep", "60").start();
    try {
      store
          .containers()
          .update(
              r.id(), x -> x.withState(new ContainerState.Running(other.pid(), clock.instant())));
      assertThat(containers.list().get(0).state()).isInstanceOf(ContainerState.Exited.class);
      assertThat(other.isAlive()).isTrue();
    } finally {
      other.destroyForcibly().waitFor();
    }
  }

  /** A clock tests move by hand. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(long seconds) {
      now = now.plusSeconds(seconds);
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
