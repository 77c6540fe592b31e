package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.ChainId;
import io.jdock.oci.Digest;
import io.jdock.reference.InvalidReferenceException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docker's rmi rules (reference doc 1.5, moby image_delete.go), one test per rule. */
class ImageRemoverTest {
  @TempDir Path root;
  private ImageStore store;
  private ImageRemover remover;

  @BeforeEach
  void open() throws IOException {
    store = ImageStore.open(StorePaths.of(root));
    remover = new ImageRemover(store);
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  private List<String> rmi(String argument, boolean force) throws Exception {
    return remover.remove(argument, force, true).stream().map(RemoveRecord::line).toList();
  }

  private TestImages.Built image(String seed, List<String> refs, String... layers)
      throws IOException {
    return TestImages.add(store, seed, refs, layers);
  }

  private TestImages.Built child(String seed, Digest parent, List<String> refs, String... layers)
      throws IOException {
    return TestImages.addWith(
        store, seed, refs, Map.of(ImageAnnotations.PARENT, parent.toString()), layers);
  }

  private void container(char id, TestImages.Built image, boolean running) throws Exception {
    ContainerState state =
        running
            ? new ContainerState.Running(ProcessHandle.current().pid(), Instant.now())
            : new ContainerState.Exited(0, Instant.now(), Instant.now());
    store.containers().create(Records.container(store, Records.id(id), "c" + id, image, state));
  }

  private static String deleted(Digest digest) {
    return "Deleted: " + digest;
  }

  /** docker reports a deleted layer by its chain ID. */
  private static String deletedLayer(TestImages.Built image, int layer) {
    return deleted(ChainId.of(image.diffIds()).get(layer));
  }

  private List<String> deletedWithLayers(TestImages.Built image) {
    List<String> lines = new ArrayList<>();
    lines.add(deleted(image.id()));
    for (int i = image.diffIds().size() - 1; i >= 0; i--) {
      lines.add(deletedLayer(image, i));
    }
    return lines;
  }

  private boolean exists(TestImages.Built image) throws IOException {
    return store.image(image.id()).isPresent();
  }

  // --- by reference ---

  @Test
  void referenceOfASingleTagUntagsAndDeletesWithLayersTopDown() throws Exception {
    TestImages.Built a = image("a", List.of("a"), "base", "top");
    List<String> expected = new ArrayList<>(List.of("Untagged: a:latest"));
    expected.addAll(deletedWithLayers(a));
    assertThat(rmi("a", false)).isEqualTo(expected);
    assertThat(exists(a)).isFalse();
    // The content is gone too.
    assertThat(store.blobs().list()).isEmpty();
  }

  @Test
  void referenceWithOtherReferencesLeftOnlyUntags() throws Exception {
    TestImages.Built a = image("a", List.of("a", "b"));
    assertThat(rmi("a", false)).containsExactly("Untagged: a:latest");
    assertThat(store.image(a.id()).orElseThrow().repoTags()).containsExactly(TestImages.ref("b"));
  }

  @Test
  void referenceInUseByAContainerMustBeForced() throws Exception {
    TestImages.Built a = image("a", List.of("localhost:5000/a:1"));
    container('1', a, false);
    assertThatThrownBy(() -> rmi("localhost:5000/a:1", false))
        .isInstanceOf(ImageConflictException.class)
        .hasMessage(
            "conflict: unable to remove repository reference \"localhost:5000/a:1\" (must force)"
                + " - container 111111111111 is using its referenced image "
                + a.id().shortHex());
    assertThat(store.image(a.id()).orElseThrow().repoTags()).hasSize(1);
  }

  @Test
  void forcedReferenceOfAStoppedContainersImageDeletesTheImage() throws Exception {
    TestImages.Built a = image("a", List.of("a"), "l");
    container('1', a, false);
    // The container keeps the content (a GC root), so no layer is reported deleted.
    assertThat(rmi("a", true)).containsExactly("Untagged: a:latest", deleted(a.id()));
    assertThat(exists(a)).isFalse();
    assertThat(store.blobs().has(a.manifest().digest())).isTrue();
  }

  @Test
  void forcedReferenceOfARunningContainersImageOnlyUntags() throws Exception {
    TestImages.Built a = image("a", List.of("a"));
    container('1', a, true);
    assertThat(rmi("a", true)).containsExactly("Untagged: a:latest");
    assertThat(store.image(a.id()).orElseThrow().isDangling()).isTrue();
  }

  @Test
  void referenceUsedByAContainerButNotTheOnlyOneIsUntagged() throws Exception {
    TestImages.Built a = image("a", List.of("a", "b"));
    container('1', a, false);
    assertThat(rmi("b", false)).containsExactly("Untagged: b:latest");
  }

  @Test
  void lastTagOfARepositoryTakesItsDigestReferencesAlong() throws Exception {
    String digestRef = TestImages.digestRef("a", "registry");
    TestImages.Built a = image("a", List.of("a", digestRef), "l");
    List<String> expected =
        new ArrayList<>(
            List.of(
                "Untagged: a:latest", "Untagged: " + TestImages.ref(digestRef).familiarString()));
    expected.addAll(deletedWithLayers(a));
    assertThat(rmi("a", false)).isEqualTo(expected);
  }

  @Test
  void digestReferencesStayWhileTheRepositoryKeepsATag() throws Exception {
    String digestRef = TestImages.digestRef("a", "registry");
    TestImages.Built a = image("a", List.of("a", "a:2", digestRef));
    assertThat(rmi("a", false)).containsExactly("Untagged: a:latest");
    assertThat(store.image(a.id()).orElseThrow().repoDigests())
        .containsExactly(TestImages.ref(digestRef));
  }

  @Test
  void digestReferenceIsRemovedAlone() throws Exception {
    String digestRef = TestImages.digestRef("a", "registry");
    TestImages.Built a = image("a", List.of("a", digestRef));
    assertThat(rmi(digestRef, false))
        .containsExactly("Untagged: " + TestImages.ref(digestRef).familiarString());
    assertThat(store.image(a.id()).orElseThrow().repoTags()).hasSize(1);
  }

  @Test
  void referenceOfAParentWithChildrenUntagsAndKeepsTheImage() throws Exception {
    TestImages.Built parent = image("p", List.of("p"), "base");
    child("c", parent.id(), List.of("c"), "base", "top");
    assertThat(rmi("p", false)).containsExactly("Untagged: p:latest");
    assertThat(store.image(parent.id()).orElseThrow().isDangling()).isTrue();
  }

  @Test
  void unknownImagesAreNotFound() throws Exception {
    image("a", List.of("a"));
    assertThatThrownBy(() -> rmi("nope", false))
        .isInstanceOf(NoSuchImageException.class)
        .hasMessage("No such image: nope:latest");
    assertThatThrownBy(() -> rmi("a:2", true)).hasMessage("No such image: a:2");
    assertThatThrownBy(() -> rmi("sha256:0000", false)).hasMessage("No such image: sha256:0000");
    assertThatThrownBy(() -> rmi("Bad", false)).isInstanceOf(InvalidReferenceException.class);
  }

  // --- by ID ---

  @Test
  void idOfASingleTaggedImageUntagsAndDeletes() throws Exception {
    TestImages.Built a = image("a", List.of("a"), "l");
    List<String> expected = new ArrayList<>(List.of("Untagged: a:latest"));
    expected.addAll(deletedWithLayers(a));
    assertThat(rmi(a.id().hex().substring(0, 12), false)).isEqualTo(expected);
  }

  @Test
  void idOfADanglingImageDeletes() throws Exception {
    TestImages.Built a = image("a", List.of());
    assertThat(rmi("sha256:" + a.id().hex().substring(0, 5), false))
        .containsExactly(deleted(a.id()));
  }

  @Test
  void idWithTagsInSeveralRepositoriesMustBeForced() throws Exception {
    TestImages.Built a = image("a", List.of("b", "a", "a:2"));
    String expected =
        "conflict: unable to delete "
            + a.id().shortHex()
            + " (must be forced) - image is referenced in multiple repositories";
    assertThatThrownBy(() -> rmi(a.id().hex(), false))
        .isInstanceOf(ImageConflictException.class)
        .hasMessage(expected)
        .matches(e -> !((ImageConflictException) e).isHard());
    assertThat(rmi(a.id().toString(), true))
        .containsExactly(
            "Untagged: a:2", "Untagged: a:latest", "Untagged: b:latest", deleted(a.id()));
  }

  @Test
  void idWithOneTagAndDigestsOfItsRepositoryIsASingleReference() throws Exception {
    String d1 = TestImages.digestRef("a", "1");
    TestImages.Built a = image("a", List.of(d1, "a"));
    // docker lists references sorted by their full string: ':' sorts before '@'.
    assertThat(rmi(a.id().hex(), false))
        .containsExactly(
            "Untagged: a:latest",
            "Untagged: " + TestImages.ref(d1).familiarString(),
            deleted(a.id()));
  }

  @Test
  void idUsedByAStoppedContainerMustBeForced() throws Exception {
    TestImages.Built a = image("a", List.of("a"));
    container('2', a, false);
    assertThatThrownBy(() -> rmi(a.id().hex(), false))
        .isInstanceOf(ImageConflictException.class)
        .hasMessage(
            "conflict: unable to delete "
                + a.id().shortHex()
                + " (must be forced) - image is being used by stopped container 222222222222");
    assertThat(rmi(a.id().hex(), true)).containsExactly("Untagged: a:latest", deleted(a.id()));
  }

  @Test
  void idUsedByARunningContainerCannotBeForced() throws Exception {
    TestImages.Built a = image("a", List.of("a"));
    container('3', a, true);
    String expected =
        "conflict: unable to delete "
            + a.id().shortHex()
            + " (cannot be forced) - image is being used by running container 333333333333";
    assertThatThrownBy(() -> rmi(a.id().hex(), false)).hasMessage(expected);
    assertThatThrownBy(() -> rmi(a.id().hex(), true))
        .hasMessage(expected)
        .matches(e -> ((ImageConflictException) e).isHard());
    assertThat(exists(a)).isTrue();
  }

  @Test
  void aContainerWhoseProcessDiedIsStopped() throws Exception {
    TestImages.Built a = image("a", List.of("a"));
    store
        .containers()
        .create(
            Records.container(
                store,
                Records.id('4'),
                "dead",
                a,
                new ContainerState.Running(Records.deadPid(), Instant.now())));
    assertThatThrownBy(() -> rmi(a.id().hex(), false))
        .hasMessageEndingWith("image is being used by stopped container 444444444444");
  }

  @Test
  void idWithChildrenCannotBeForced() throws Exception {
    TestImages.Built parent = image("p", List.of());
    child("c", parent.id(), List.of("c"));
    String expected =
        "conflict: unable to delete "
            + parent.id().shortHex()
            + " (cannot be forced) - image has dependent child images";
    assertThatThrownBy(() -> rmi(parent.id().hex(), false)).hasMessage(expected);
    assertThatThrownBy(() -> rmi(parent.id().hex(), true)).hasMessage(expected);
  }

  @Test
  void conflictsChangeNothing() throws Exception {
    TestImages.Built a = image("a", List.of("a", "b"));
    byte[] before = java.nio.file.Files.readAllBytes(root.resolve("index.json"));
    assertThatThrownBy(() -> rmi(a.id().hex(), false)).isInstanceOf(ImageConflictException.class);
    assertThat(root.resolve("index.json")).hasBinaryContent(before);
  }

  // --- parents and layers ---

  @Test
  void untaggedParentsArePrunedUnlessNoPrune() throws Exception {
    TestImages.Built parent = image("p", List.of(), "base");
    TestImages.Built child = child("c", parent.id(), List.of("c"), "base", "top");
    assertThat(remover.remove("c", false, false).stream().map(RemoveRecord::line))
        .containsExactly("Untagged: c:latest", deleted(child.id()), deletedLayer(child, 1));
    assertThat(exists(parent)).isTrue();

    TestImages.Built child2 = child("c2", parent.id(), List.of("c2"), "base", "top2");
    assertThat(rmi("c2", false))
        .containsExactly(
            "Untagged: c2:latest",
            deleted(child2.id()),
            deletedLayer(child2, 1),
            deleted(parent.id()),
            deleted(parent.diffIds().get(0)));
  }

  @Test
  void taggedOrUsedParentsStay() throws Exception {
    TestImages.Built tagged = image("p", List.of("p"));
    child("c", tagged.id(), List.of("c"));
    rmi("c", false);
    assertThat(exists(tagged)).isTrue();

    TestImages.Built used = image("u", List.of());
    container('5', used, false);
    child("d", used.id(), List.of("d"));
    rmi("d", false);
    assertThat(exists(used)).isTrue();
  }

  @Test
  void layersStillUsedElsewhereAreNotReported() throws Exception {
    TestImages.Built a = image("a", List.of("a"), "shared", "own");
    image("b", List.of("b"), "shared");
    assertThat(rmi("a", false))
        .containsExactly("Untagged: a:latest", deleted(a.id()), deletedLayer(a, 1));
    assertThat(store.blobs().has(a.layerBlobs().get(0))).isTrue();
    assertThat(store.blobs().has(a.layerBlobs().get(1))).isFalse();
  }

  @Test
  void contentIsLeftForLaterWhileAnotherWriterHoldsTheLease() throws Exception {
    TestImages.Built a = image("a", List.of("a"), "l");
    Thread writer;
    java.util.concurrent.CountDownLatch leased = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    writer =
        new Thread(
            () -> {
              try (StoreLock.Held lease = store.leaseContent()) {
                leased.countDown();
                release.await();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    writer.start();
    leased.await();
    assertThat(rmi("a", false)).contains(deleted(a.id()));
    assertThat(store.blobs().has(a.manifest().digest())).isTrue();
    release.countDown();
    writer.join();
    assertThat(store.gc().blobs()).contains(a.manifest().digest(), a.id());
  }

  // --- prune ---

  @Test
  void pruneRemovesDanglingHeadsOnly() throws Exception {
    TestImages.Built dangling = image("d", List.of(), "ld");
    TestImages.Built digestOnly = image("o", List.of(TestImages.digestRef("o", "x")), "lo");
    TestImages.Built tagged = image("t", List.of("t"), "lt");
    TestImages.Built parent = image("p", List.of(), "lp");
    child("c", parent.id(), List.of("c"), "lp", "lc");
    TestImages.Built used = image("u", List.of(), "lu");
    container('6', used, false);

    PruneReport report = remover.prune(false);

    assertThat(report.records().stream().map(RemoveRecord::line))
        .containsExactlyInAnyOrder(
            deleted(dangling.id()),
            deleted(dangling.diffIds().get(0)),
            "Untagged: " + TestImages.ref(TestImages.digestRef("o", "x")).familiarString(),
            deleted(digestOnly.id()),
            deleted(digestOnly.diffIds().get(0)));
    assertThat(report.reclaimedBytes()).isEqualTo("ld".length() + "lo".length());
    assertThat(exists(tagged)).isTrue();
    assertThat(exists(parent)).isTrue();
    assertThat(exists(used)).isTrue();
    assertThat(remover.prune(false).records()).isEmpty();
  }

  @Test
  void pruneAllRemovesEveryImageNoContainerUses() throws Exception {
    TestImages.Built tagged = image("t", List.of("t", "t:2"), "lt");
    TestImages.Built parent = image("p", List.of("p"), "lp");
    TestImages.Built child = child("c", parent.id(), List.of("c"), "lp", "lc");
    TestImages.Built used = image("u", List.of("u"), "lu");
    container('7', used, true);

    PruneReport report = remover.prune(true);

    assertThat(store.images()).extracting(Image::id).containsExactly(used.id());
    assertThat(report.records())
        .filteredOn(r -> r instanceof RemoveRecord.DeletedImage)
        .extracting(r -> ((RemoveRecord.DeletedImage) r).id())
        .containsExactlyInAnyOrder(tagged.id(), parent.id(), child.id());
    assertThat(report.reclaimedBytes()).isEqualTo("lt".length() + "lp".length() + "lc".length());
  }

  @Test
  void pruneFiltersByLabelAndCreationTime() throws Exception {
    // TestImages labels each config seed=<seed> and creates it 2024-01-02T03:04:05Z.
    TestImages.Built a = image("a", List.of(), "la");
    TestImages.Built b = image("b", List.of(), "lb");
    Instant now = Instant.parse("2024-01-10T00:00:00Z");

    assertThat(remover.prune(ImageFilters.parse(List.of("until=2024-01-01")), now).records())
        .isEmpty();
    assertThat(remover.prune(ImageFilters.parse(List.of("label!=seed=b")), now).records())
        .extracting(RemoveRecord::line)
        .containsExactly(deleted(a.id()), deleted(a.diffIds().get(0)));
    PruneReport report =
        remover.prune(ImageFilters.parse(List.of("label=seed", "until=168h")), now);
    assertThat(report.records())
        .extracting(RemoveRecord::line)
        .containsExactly(deleted(b.id()), deleted(b.diffIds().get(0)));
    assertThat(report.reclaimedBytes()).isEqualTo("lb".length());
  }

  @Test
  void pruneRefusesFiltersDockerRefuses() throws Exception {
    TestImages.Built a = image("a", List.of(), "la");
    Instant now = Instant.now();
    assertThatThrownBy(() -> remover.prune(ImageFilters.parse(List.of("before=x")), now))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessage("invalid filter 'before'");
    assertThatThrownBy(
            () -> remover.prune(ImageFilters.parse(List.of("until=1h", "until=2h")), now))
        .hasMessage("more than one until filter specified");
    assertThatThrownBy(() -> remover.prune(ImageFilters.parse(List.of("dangling=maybe")), now))
        .hasMessage("invalid filter 'dangling=[maybe]'");
    assertThat(exists(a)).isTrue();
  }

  // --- isSingleReference, as docker defines it ---

  @Test
  void singleReferenceRule() {
    String d = "@sha256:" + "1".repeat(64);
    assertThat(ImageDeletion.isSingleReference(TestImages.refs(List.of()))).isFalse();
    assertThat(ImageDeletion.isSingleReference(TestImages.refs(List.of("a")))).isTrue();
    assertThat(ImageDeletion.isSingleReference(TestImages.refs(List.of("a" + d)))).isTrue();
    assertThat(ImageDeletion.isSingleReference(TestImages.refs(List.of("a", "a" + d)))).isTrue();
    assertThat(ImageDeletion.isSingleReference(TestImages.refs(List.of("a", "b" + d)))).isFalse();
    assertThat(ImageDeletion.isSingleReference(TestImages.refs(List.of("a", "a:2")))).isFalse();
    assertThat(ImageDeletion.isSingleReference(TestImages.refs(List.of("a" + d, "b" + d))))
        .isFalse();
  }
}
