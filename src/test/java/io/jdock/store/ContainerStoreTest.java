package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContainerStoreTest {
  @TempDir Path root;
  private ImageStore store;
  private ContainerStore containers;
  private TestImages.Built image;

  @BeforeEach
  void open() throws IOException {
    store = ImageStore.open(StorePaths.of(root));
    containers = store.containers();
    image = TestImages.add(store, "a", List.of("a"), "l");
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  private ContainerRecord record(char id, String name) {
    return Records.container(store, Records.id(id), name, image, new ContainerState.Created());
  }

  @Test
  void createStoresTheRecordAndAnEmptyUpperDir() throws Exception {
    ContainerRecord record = record('a', "web");
    containers.create(record);
    assertThat(containers.get(record.id())).contains(record);
    assertThat(root.resolve("containers/" + record.id() + "/record.json")).exists();
    assertThat(record.upperDir()).isEqualTo(root.resolve("containers/" + record.id() + "/upper"));
    assertThat(record.upperDir()).isEmptyDirectory();
    assertThat(containers.list()).containsExactly(record);
  }

  @Test
  void everyStateRoundTripsThroughJson() throws Exception {
    Instant t0 = Instant.parse("2024-02-03T04:05:06.123456789Z");
    List<ContainerState> states =
        List.of(
            new ContainerState.Created(),
            new ContainerState.Running(4242, t0),
            new ContainerState.Exited(137, t0, t0.plusSeconds(5)));
    containers.create(record('b', "rt"));
    for (ContainerState state : states) {
      ContainerRecord updated = containers.update(Records.id('b'), r -> r.withState(state));
      assertThat(updated.state()).isEqualTo(state);
      assertThat(containers.get(Records.id('b')).orElseThrow()).isEqualTo(updated);
    }
    assertThat(Files.readString(root.resolve("containers/" + Records.id('b') + "/record.json")))
        .contains(
            "\"status\" : \"exited\"",
            "\"exitCode\" : 137",
            "\"finished\" : \"2024-02-03T04:05:11.123456789Z\"")
        .doesNotContain("running\" :", "shortId");
  }

  @Test
  void namesAreUniqueWithDockersMessage() throws Exception {
    containers.create(record('a', "web"));
    assertThatThrownBy(() -> containers.create(record('b', "web")))
        .isInstanceOf(RecordConflictException.class)
        .hasMessage(
            "Conflict. The container name \"/web\" is already in use by container \""
                + Records.id('a')
                + "\". You have to remove (or rename) that container to be able to reuse that"
                + " name.");
    assertThatThrownBy(() -> containers.create(record('a', "other")))
        .isInstanceOf(RecordConflictException.class);
    assertThat(containers.list()).hasSize(1);
  }

  @Test
  void findByIdNameAndUniquePrefix() throws Exception {
    containers.create(record('a', "web"));
    containers.create(
        Records.container(store, "ab" + "c".repeat(62), "db", image, new ContainerState.Created()));
    containers.create(record('f', "cache"));
    assertThat(containers.find(Records.id('a')).map(ContainerRecord::name)).contains("web");
    assertThat(containers.find("web").map(ContainerRecord::name)).contains("web");
    assertThat(containers.find("/db").map(ContainerRecord::name)).contains("db");
    assertThat(containers.find("f").map(ContainerRecord::name)).contains("cache");
    assertThat(containers.find("abc").map(ContainerRecord::name)).contains("db");
    assertThat(containers.find("zzz")).isEmpty();
    assertThat(containers.find("")).isEmpty();
    assertThatThrownBy(() -> containers.find("a"))
        .isInstanceOf(AmbiguousPrefixException.class)
        .hasMessage("Multiple IDs found with provided prefix: a");
  }

  @Test
  void updateAndRemoveNeedAnExistingContainer() throws Exception {
    assertThatThrownBy(() -> containers.update(Records.id('9'), r -> r))
        .isInstanceOf(NoSuchContainerException.class)
        .hasMessage("No such container: " + Records.id('9'));
    assertThatThrownBy(() -> containers.remove(Records.id('9')))
        .isInstanceOf(NoSuchContainerException.class);
    containers.create(record('a', "web"));
    Files.writeString(containers.upperDir(Records.id('a')).resolve("file"), "data");
    assertThatThrownBy(() -> containers.update(Records.id('a'), r -> record('b', "web")))
        .isInstanceOf(IllegalArgumentException.class);
    containers.remove(Records.id('a'));
    assertThat(root.resolve("containers/" + Records.id('a'))).doesNotExist();
    assertThat(containers.list()).isEmpty();
  }

  @Test
  void unreadableOrHalfMadeDirsAreSkipped() throws Exception {
    containers.create(record('a', "web"));
    Files.createDirectories(root.resolve("containers/" + Records.id('c')));
    Files.createDirectories(root.resolve("containers/" + Records.id('d')));
    Files.writeString(root.resolve("containers/" + Records.id('d') + "/record.json"), "{broken");
    assertThat(containers.list()).extracting(ContainerRecord::name).containsExactly("web");
    assertThat(containers.get("../../etc")).isEmpty();
  }

  @Test
  void runningMeansARecordedLiveProcess() throws Exception {
    Instant t = Instant.now();
    long self = ProcessHandle.current().pid();
    assertThat(record('a', "xy").withState(new ContainerState.Running(self, t)).isRunning())
        .isTrue();
    assertThat(
            record('a', "xy")
                .withState(new ContainerState.Running(Records.deadPid(), t))
                .isRunning())
        .isFalse();
    assertThat(record('a', "xy").withState(new ContainerState.Exited(0, t, t)).isRunning())
        .isFalse();
    assertThat(record('a', "xy").shortId()).isEqualTo("aaaaaaaaaaaa");
  }

  @ParameterizedTest
  @ValueSource(strings = {"a", "-x", "a b", "a/b", "..", "é1"})
  void invalidNamesAreRefused(String name) {
    assertThatThrownBy(() -> record('a', name))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "abc",
        "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
        "../aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
      })
  void invalidIdsAreRefused(String id) {
    assertThatThrownBy(
            () -> Records.container(store, id, "name", image, new ContainerState.Created()))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void newIdsAreValidAndDistinct() {
    String a = ContainerStore.newId();
    assertThat(ContainerRecord.isValidId(a)).isTrue();
    assertThat(ContainerStore.newId()).isNotEqualTo(a);
  }

  @Test
  void theHostConfigRoundTripsAndDefaultsWhenAbsent() throws Exception {
    ContainerHostConfig host =
        new ContainerHostConfig("web1", true, true, true, List.of("/srv:/data:ro"));
    ContainerRecord r = record('c', "hc");
    ContainerRecord withHost =
        new ContainerRecord(
            r.id(),
            r.name(),
            r.imageId(),
            r.manifestDigest(),
            r.imageRef(),
            r.created(),
            r.command(),
            r.config(),
            r.state(),
            r.upperDir(),
            host);
    containers.create(withHost);
    ContainerRecord read =
        containers.update(r.id(), x -> x.withState(new ContainerState.Created()));
    assertThat(read.hostConfig()).isEqualTo(host);
    assertThat(record('d', "old").hostConfig()).isEqualTo(ContainerHostConfig.DEFAULT);
  }
}
