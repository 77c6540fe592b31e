package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.layer.LayerReader;
import io.jdock.oci.ContainerConfig;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageConfig;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ContainerState;
import io.jdock.store.Image;
import io.jdock.store.ImageConflictException;
import io.jdock.store.ImageRemover;
import io.jdock.store.ImageStore;
import io.jdock.store.StorePaths;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commit (no run needed: the upper dir is written directly) and rmi's container conflicts. */
class ContainerCommitTest {
  @TempDir Path tmp;
  private ImageStore store;
  private Containers containers;
  private Image base;

  @BeforeEach
  void setUp() throws Exception {
    store = ImageStore.open(StorePaths.of(tmp.resolve("store")));
    containers = new Containers(store);
    Path layer = Files.createDirectories(tmp.resolve("layer"));
    Files.createDirectories(layer.resolve("etc"));
    Files.writeString(layer.resolve("etc/motd"), "hello\n");
    base =
        TestImage.add(
            store,
            "base:1",
            ContainerConfig.EMPTY.withCmd(List.of("/bin/sh")).withEnv(List.of("A=1")),
            layer);
  }

  @AfterEach
  void tearDown() throws Exception {
    store.close();
  }

  private ContainerRecord container(String name) throws Exception {
    return containers.create(
        new CreateRequest(
            "base:1",
            Optional.of(name),
            List.of("sh", "-c", "echo hi > /f"),
            Optional.empty(),
            List.of("B=2"),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            List.of(),
            false,
            false,
            false));
  }

  private Digest commit(String container, String repo, List<String> changes) throws Exception {
    return new ContainerCommit(containers)
        .commit(
            new CommitRequest(
                container,
                Optional.ofNullable(repo),
                Optional.of("a message"),
                Optional.of("me <me@x>"),
                changes));
  }

  private static List<String> tarNames(InputStream gz) throws Exception {
    List<String> names = new ArrayList<>();
    try (LayerReader r = new LayerReader(new GZIPInputStream(gz))) {
      for (Optional<LayerReader.Item> i; (i = r.next()).isPresent(); ) {
        names.add(i.get().tarName());
      }
    }
    return names;
  }

  @Test
  void theUpperDirBecomesALayerOnTopOfTheContainersImage() throws Exception {
    ContainerRecord r = container("c1");
    Files.writeString(r.upperDir().resolve("f"), "hi\n");
    Files.createDirectories(r.upperDir().resolve("etc"));
    Files.createFile(r.upperDir().resolve("etc/.wh.motd"));
    Files.createFile(r.upperDir().resolve(".wh..wh.jdock-tmp.42"));
    Digest id = commit("c1", "committed:v1", List.of("CMD [\"cat\",\"/f\"]", "ENV C=3"));
    Image image = store.find("committed:v1").orElseThrow();
    assertThat(image.id()).isEqualTo(id);
    assertThat(image.parent()).contains(base.id());
    List<Descriptor> layers = image.manifest().value().layers();
    assertThat(layers).hasSize(2);
    assertThat(layers.get(0)).isEqualTo(base.manifest().value().layers().get(0));
    try (InputStream in = store.blobs().open(layers.get(1).digest())) {
      assertThat(tarNames(in)).containsExactly("etc/", "etc/.wh.motd", "f");
    }
    ImageConfig config = image.config().value();
    assertThat(config.diffIds()).hasSize(2).startsWith(base.diffIds().get(0));
    assertThat(config.config().cmd()).containsExactly("cat", "/f");
    assertThat(config.config().env()).containsExactly("A=1", "B=2", "C=3");
    assertThat(config.author()).isEqualTo("me <me@x>");
    ImageConfig.History last = config.history().get(config.history().size() - 1);
    assertThat(last.createdBy()).isEqualTo("sh -c echo hi > /f");
    assertThat(last.comment()).isEqualTo("a message");
    assertThat(last.emptyLayer()).isNull();
    assertThat(new String(image.config().raw())).contains("\"comment\":\"a message\"");
  }

  @Test
  void anUntouchedContainerCommitsAnEmptyLayerEntryOnly() throws Exception {
    container("c2");
    Digest id = commit("c2", null, List.of());
    Image image = store.image(id).orElseThrow();
    assertThat(image.isDangling()).isTrue();
    assertThat(image.manifest().value().layers()).hasSize(1);
    assertThat(image.diffIds()).isEqualTo(base.diffIds());
    List<ImageConfig.History> h = image.config().value().history();
    assertThat(h.get(h.size() - 1).emptyLayer()).isTrue();
  }

  @Test
  void badChangesAndTagsCommitNothing() throws Exception {
    container("c3");
    int before = store.images().size();
    assertThatThrownBy(() -> commit("c3", null, List.of("RUN make")))
        .hasMessage("RUN is not a valid change command");
    assertThatThrownBy(() -> commit("c3", "Bad:Tag:x", List.of()))
        .isInstanceOf(ContainerException.class);
    assertThat(store.images()).hasSize(before);
  }

  private void rmi(String arg, boolean force) throws Exception {
    new ImageRemover(store).remove(arg, force, true);
  }

  @Test
  void rmiOfACommittedImagesParentReportsItsChild() throws Exception {
    container("c4");
    commit("c4", "child:1", List.of());
    containers.remove("c4", false);
    assertThatThrownBy(() -> rmi(base.id().hex(), true))
        .isInstanceOfSatisfying(ImageConflictException.class, e -> assertThat(e.isHard()).isTrue())
        .hasMessage(
            "conflict: unable to delete "
                + base.id().shortHex()
                + " (cannot be forced) - image has dependent child images");
  }

  @Test
  void rmiConflictsWithStoppedAndRunningContainersAsDockers() throws Exception {
    ContainerRecord r = container("c5");
    String id = base.id().shortHex();
    assertThatThrownBy(() -> rmi(id, false))
        .isInstanceOfSatisfying(ImageConflictException.class, e -> assertThat(e.isHard()).isFalse())
        .hasMessage(
            "conflict: unable to delete "
                + id
                + " (must be forced) - image is being used by stopped container "
                + r.shortId());
    assertThatThrownBy(() -> rmi("base:1", false))
        .hasMessage(
            "conflict: unable to remove repository reference \"base:1\" (must force) - container "
                + r.shortId()
                + " is using its referenced image "
                + id);
    Process live = new ProcessBuilder("sleep", "60").start();
    try {
      store
          .containers()
          .update(r.id(), x -> x.withState(new ContainerState.Running(live.pid(), r.created())));
      assertThatThrownBy(() -> rmi(id, true))
          .isInstanceOfSatisfying(
              ImageConflictException.class, e -> assertThat(e.isHard()).isTrue())
          .hasMessage(
              "conflict: unable to delete "
                  + id
                  + " (cannot be forced) - image is being used by running container "
                  + r.shortId());
    } finally {
      live.destroyForcibly().waitFor();
    }
    containers.remove("c5", true);
    rmi("base:1", false);
    assertThat(store.find("base:1")).isEmpty();
    assertThat(store.images()).isEmpty();
  }
}
