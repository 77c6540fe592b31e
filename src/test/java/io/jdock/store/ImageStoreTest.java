package io.jdock.store;

import static io.jdock.store.TestImages.ref;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageIndex;
import io.jdock.oci.InvalidContentException;
import io.jdock.reference.ImageReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
  @TempDir Path root;
  @TempDir Path elsewhere;
  private ImageStore store;

  @BeforeEach
  void open() throws IOException {
    store = ImageStore.open(StorePaths.of(root));
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  private List<Descriptor> entries() throws IOException {
    return store.indexFile().read().manifests();
  }

  private static List<String> names(List<ImageReference> refs) {
    return refs.stream().map(ImageReference::toString).toList();
  }

  @Test
  void openCreatesAnOciLayoutAndRefusesForeignDirectories() throws IOException {
    assertThat(root.resolve("oci-layout")).hasContent("{\"imageLayoutVersion\":\"1.0.0\"}");
    assertThat(root.resolve("index.json")).exists();
    for (String dir : List.of("blobs/sha256", "layers/sha256", "containers", "mounts", "locks")) {
      assertThat(root.resolve(dir)).isDirectory();
    }
    Path foreign = Files.createDirectories(elsewhere.resolve("home"));
    Files.writeString(foreign.resolve("notes.txt"), "mine");
    assertThatThrownBy(() -> ImageStore.open(StorePaths.of(foreign)))
        .hasMessageContaining("it is not empty and not an OCI image layout (it holds notes.txt)");
    assertThat(foreign.resolve("blobs")).doesNotExist();

    Path otherVersion = Files.createDirectories(elsewhere.resolve("v2"));
    Files.writeString(otherVersion.resolve("oci-layout"), "{\"imageLayoutVersion\":\"2.0.0\"}");
    assertThatThrownBy(() -> ImageStore.open(StorePaths.of(otherVersion)))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("imageLayoutVersion is \"2.0.0\"");
    assertThat(otherVersion.resolve("tmp")).doesNotExist();
  }

  @Test
  void addImageListsItUnderItsReferences() throws IOException {
    TestImages.Built built =
        TestImages.add(
            store,
            "a",
            List.of("ubuntu", "localhost:5000/u:1", TestImages.digestRef("ubuntu", "reg")),
            "layer one",
            "layer two");
    List<Image> images = store.images();
    assertThat(images).hasSize(1);
    Image image = images.get(0);
    assertThat(image.id()).isEqualTo(built.id());
    assertThat(image.manifestDescriptor().digest()).isEqualTo(built.manifest().digest());
    assertThat(names(image.repoTags()))
        .containsExactly("docker.io/library/ubuntu:latest", "localhost:5000/u:1");
    assertThat(names(image.repoDigests()))
        .containsExactly(TestImages.ref(TestImages.digestRef("ubuntu", "reg")).toString());
    assertThat(image.diffIds()).isEqualTo(built.diffIds());
    assertThat(image.created()).contains(Instant.parse("2024-01-02T03:04:05Z"));
    assertThat(image.size()).isEqualTo("layer one".length() + "layer two".length());
    assertThat(image.parent()).isEmpty();
    assertThat(image.config().digest()).isEqualTo(built.id());
    assertThat(entries()).hasSize(3);
  }

  @Test
  void sizeCountsExtractedContentWhereExtracted() throws IOException {
    TestImages.Built built = TestImages.add(store, "a", List.of("x"), "l1", "layer2");
    store
        .layers()
        .ensure(built.diffIds().get(0), built.layerBlobs().get(0), new TestImages.FakeUnpacker());
    // The fake unpacker reports ten times the blob size as content size.
    assertThat(store.images().get(0).size()).isEqualTo(20 + "layer2".length());
  }

  @Test
  void addImageWithoutReferencesKeepsOneDanglingEntry() throws IOException {
    TestImages.Built built = TestImages.add(store, "a", List.of());
    TestImages.add(store, "a", List.of());
    assertThat(entries()).hasSize(1);
    assertThat(entries().get(0).annotations()).isEmpty();
    assertThat(store.images().get(0).isDangling()).isTrue();
    store.addImage(built.manifest(), List.of(ref("named")), Map.of());
    assertThat(entries()).hasSize(1);
    assertThat(names(store.images().get(0).repoTags()))
        .containsExactly("docker.io/library/named:latest");
  }

  @Test
  void addImageRefusesMissingBlobsAndChangesNothing() throws IOException {
    TestImages.Built built = TestImages.store(store, "a", "layer");
    Files.delete(store.blobs().path(built.layerBlobs().get(0)));
    byte[] before = Files.readAllBytes(root.resolve("index.json"));
    assertThatThrownBy(() -> store.addImage(built.manifest(), List.of(ref("x")), Map.of()))
        .isInstanceOf(BlobNotFoundException.class)
        .hasMessage(
            "registering image manifest "
                + built.manifest().digest()
                + ": blob "
                + built.layerBlobs().get(0)
                + " not found in the store");
    Files.delete(store.blobs().path(built.id()));
    assertThatThrownBy(() -> store.addImage(built.manifest(), List.of(), Map.of()))
        .isInstanceOf(BlobNotFoundException.class);
    assertThat(root.resolve("index.json")).hasBinaryContent(before);
  }

  @Test
  void addImageRefusesConfigsThatDoNotMatchTheManifest() throws IOException {
    TestImages.Built built = TestImages.store(store, "a", "layer");
    String config =
        "{\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[]},\"architecture\":\"amd64\",\"os\":\"linux\"}";
    StoredBlob configBlob = store.blobs().putBytes(config.getBytes());
    String manifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
            + configBlob.digest()
            + "\",\"size\":"
            + configBlob.size()
            + "},\"layers\":[{"
            + "\"mediaType\":\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\""
            + built.layerBlobs().get(0)
            + "\",\"size\":5}]}";
    StoredBlob manifestBlob = store.blobs().putBytes(manifest.getBytes());
    Descriptor descriptor =
        Descriptor.of(built.manifest().mediaType(), manifestBlob.digest(), manifestBlob.size());
    assertThatThrownBy(() -> store.addImage(descriptor, List.of(), Map.of()))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageEndingWith("the manifest has 1 layers but the config 0 diff_ids");
    assertThatThrownBy(() -> store.addImage(built.manifest(), List.of(), Map.of("org.x", "y")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void addImageMovesReferencesAndReportsWhoLostThem() throws IOException {
    TestImages.Built old = TestImages.add(store, "old", List.of("app:1", "app:2"));
    TestImages.Built built = TestImages.store(store, "new");
    List<MovedReference> moved =
        store.addImage(built.manifest(), List.of(ref("app:1"), ref("other")), Map.of());
    assertThat(moved).containsExactly(new MovedReference(ref("app:1"), old.id()));
    assertThat(names(store.image(old.id()).orElseThrow().repoTags()))
        .containsExactly("docker.io/library/app:2");
    // Moving the old image's last tag leaves it dangling, not gone.
    moved = store.addImage(built.manifest(), List.of(ref("app:2")), Map.of());
    assertThat(moved).containsExactly(new MovedReference(ref("app:2"), old.id()));
    assertThat(store.image(old.id()).orElseThrow().isDangling()).isTrue();
    // Adding again what is already there moves nothing and does not rewrite index.json.
    byte[] before = Files.readAllBytes(root.resolve("index.json"));
    assertThat(store.addImage(built.manifest(), List.of(ref("app:2")), Map.of())).isEmpty();
    assertThat(root.resolve("index.json")).hasBinaryContent(before);
  }

  @Test
  void findFollowsDockersLookupOrder() throws Exception {
    TestImages.Built ubuntu = TestImages.add(store, "u", List.of("ubuntu:22.04", "ubuntu"));
    TestImages.Built other = TestImages.add(store, "o", List.of());
    assertThat(store.find("ubuntu").map(Image::id)).contains(ubuntu.id());
    assertThat(store.find("docker.io/library/ubuntu:22.04").map(Image::id)).contains(ubuntu.id());
    assertThat(store.find(other.id().hex().substring(0, 7)).map(Image::id)).contains(other.id());
    assertThat(store.find("sha256:" + other.id().hex().substring(0, 3)).map(Image::id))
        .contains(other.id());
    assertThat(store.find(other.id().toString()).map(Image::id)).contains(other.id());
    assertThat(store.find("ubuntu:20.04")).isEmpty();
    assertThat(store.find("debian")).isEmpty();
  }

  @Test
  void tagAndUntag() throws Exception {
    TestImages.Built a = TestImages.add(store, "a", List.of("a"));
    TestImages.Built b = TestImages.add(store, "b", List.of("b"));
    Image imageA = store.image(a.id()).orElseThrow();
    assertThat(store.tag(imageA, ref("b"))).contains(b.id());
    assertThat(store.tag(imageA, ImageReference.parse("c"))).isEmpty();
    Image tagged = store.image(a.id()).orElseThrow();
    assertThat(names(tagged.repoTags()))
        .containsExactly(
            "docker.io/library/a:latest",
            "docker.io/library/b:latest",
            "docker.io/library/c:latest");
    assertThat(tagged.lastTagTime()).isPresent();
    assertThat(store.image(b.id()).orElseThrow().isDangling()).isTrue();

    assertThat(store.untag(ImageReference.parse("c"))).contains(a.id());
    assertThat(store.untag(ImageReference.parse("c"))).isEmpty();
    assertThat(store.untag(ref("a"))).contains(a.id());
    assertThat(store.untag(ref("b"))).contains(a.id());
    assertThat(store.image(a.id()).orElseThrow().isDangling()).isTrue();
    assertThat(entries()).hasSize(2);

    assertThatThrownBy(() -> store.tag(imageA, ImageReference.parse("x@sha256:" + "1".repeat(64))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("refusing to create a tag with a digest reference");
  }

  @Test
  void tagOfAnImageRemovedMeanwhileFails() throws Exception {
    TestImages.Built a = TestImages.add(store, "a", List.of("a"));
    Image image = store.image(a.id()).orElseThrow();
    new ImageRemover(store).remove("a", false, true);
    assertThatThrownBy(() -> store.tag(image, ref("b")))
        .isInstanceOf(NoSuchImageException.class)
        .hasMessage("No such image: " + a.id());
  }

  @Test
  void jdockAnnotationsAreImageMetadata() throws IOException {
    Digest parent = TestImages.add(store, "p", List.of("p")).id();
    TestImages.Built child =
        TestImages.addWith(
            store, "c", List.of("c:1", "c:2"), Map.of(ImageAnnotations.PARENT, parent.toString()));
    Image image = store.image(child.id()).orElseThrow();
    assertThat(image.parent()).contains(parent);
    assertThat(entries())
        .filteredOn(e -> e.digest().equals(child.manifest().digest()))
        .hasSize(2)
        .allSatisfy(
            e ->
                assertThat(e.annotations())
                    .containsEntry(ImageAnnotations.PARENT, parent.toString()));
  }

  @Test
  void readsEntriesOtherToolsWrote() throws Exception {
    TestImages.Built a = TestImages.store(store, "a");
    TestImages.Built b = TestImages.store(store, "b");
    Descriptor skopeo = a.manifest().withAnnotations(Map.of(Descriptor.REF_NAME, "v1"));
    Descriptor containerd =
        b.manifest()
            .withAnnotations(
                Map.of(
                    Descriptor.REF_NAME, "1.36",
                    Descriptor.CONTAINERD_IMAGE_NAME, "docker.io/library/busybox:1.36"));
    Descriptor missing =
        Descriptor.of(a.manifest().mediaType(), Digest.sha256(new byte[] {7}), 3)
            .withAnnotations(Map.of(Descriptor.REF_NAME, "gone"));
    try (TempSpace temp = TempSpace.create(root.resolve("tmp"))) {
      store.indexFile().write(ImageIndex.of(List.of(skopeo, containerd, missing)), temp);
    }
    assertThat(store.images())
        .extracting(i -> names(i.repoTags()))
        .containsExactly(
            List.of("docker.io/library/v1:latest"), List.of("docker.io/library/busybox:1.36"));
    assertThat(store.find("v1").map(Image::id)).contains(a.id());
    // jdock's own changes keep the entries it cannot read.
    store.tag(store.find("v1").orElseThrow(), ref("mine"));
    assertThat(entries()).contains(missing);
  }

  @Test
  void reopenedStoreSeesTheSameImages() throws IOException {
    TestImages.add(store, "a", List.of("a"), "l");
    List<Image> before = store.images();
    store.close();
    store = ImageStore.open(StorePaths.of(root));
    assertThat(store.images())
        .extracting(Image::id)
        .isEqualTo(before.stream().map(Image::id).toList());
    assertThat(Optional.of(store.paths().root())).contains(root);
  }
}
