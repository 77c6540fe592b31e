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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerFilterTest {
  @TempDir Path tmp;
  private ImageStore store;
  private Containers containers;
  private ContainerRecord web;
  private ContainerRecord db;
  private ContainerRecord child;

  @BeforeEach
  void setUp() throws Exception {
    store = ImageStore.open(StorePaths.of(tmp.resolve("store")));
    containers = new Containers(store);
    Path layer = Files.createDirectories(tmp.resolve("l"));
    Files.writeString(layer.resolve("a"), "a");
    TestImage.add(store, "base", ContainerConfig.EMPTY.withCmd(List.of("sh")), layer);
    TestImage.add(store, "other", ContainerConfig.EMPTY.withCmd(List.of("x")), layer.resolve("."));
    web = containers.create(ContainersTest.request("base", Optional.of("web-1")));
    db = containers.create(ContainersTest.request("other", Optional.of("db")));
    child = containers.create(ContainersTest.request("base", Optional.of("worker")));
    new ContainerCommit(containers)
        .commit(
            new CommitRequest(
                "worker", Optional.of("derived"), Optional.empty(), Optional.empty(), List.of()));
    child = containers.create(ContainersTest.request("derived", Optional.of("from-derived")));
    Instant t = Instant.parse("2024-01-01T00:00:00Z");
    store.containers().update(db.id(), x -> x.withState(new ContainerState.Exited(2, t, t)));
  }

  @AfterEach
  void tearDown() throws Exception {
    store.close();
  }

  private List<String> names(String... filters) throws Exception {
    ContainerFilter f = ContainerFilter.parse(List.of(filters), store);
    return containers.list().stream()
        .filter(f::matches)
        .map(ContainerRecord::name)
        .sorted()
        .toList();
  }

  @Test
  void filtersOfOneKeyAreAlternativesOfDifferentKeysAllApply() throws Exception {
    assertThat(names()).containsExactly("db", "from-derived", "web-1", "worker");
    assertThat(names("status=exited")).containsExactly("db");
    assertThat(names("status=created", "status=exited")).hasSize(4);
    assertThat(names("name=^w")).containsExactly("web-1", "worker");
    assertThat(names("name=er")).containsExactly("from-derived", "worker");
    assertThat(names("name=w", "status=exited")).isEmpty();
    assertThat(names("id=" + web.id().substring(0, 8))).containsExactly("web-1");
    assertThat(names("exited=2")).containsExactly("db");
    assertThat(names("ancestor=other")).containsExactly("db");
    assertThat(names("ancestor=base")).containsExactly("from-derived", "web-1", "worker");
    assertThat(names("ancestor=derived")).containsExactly("from-derived");
    assertThat(names("ancestor=nothere")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "foo=bar|invalid filter 'foo'",
        "status=sleeping|invalid filter 'status=sleeping'",
        "exited=x|invalid filter 'exited=x'",
        "name=[|invalid filter 'name=['",
        "novalue|bad format of filter (expected name=value)"
      })
  void badFiltersAreDockersErrors(String filter, String message) {
    assertThatThrownBy(() -> ContainerFilter.parse(List.of(filter), store))
        .isInstanceOf(ContainerException.class)
        .hasMessage(message);
  }
}
