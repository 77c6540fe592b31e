package io.jdock.store;

import static io.jdock.store.TestImages.ref;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageIndex;
import io.jdock.oci.MediaType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexEditorTest {
  @TempDir Path root;
  private ImageStore store;
  private TestImages.Built a;
  private TestImages.Built b;

  @BeforeEach
  void open() throws IOException {
    store = ImageStore.open(StorePaths.of(root));
    a = TestImages.store(store, "a");
    b = TestImages.store(store, "b");
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  private IndexEditor editor(Descriptor... entries) {
    return new IndexEditor(ImageIndex.of(List.of(entries)), store.manifestCache());
  }

  private static Descriptor named(TestImages.Built image, String name) {
    return image.manifest().withAnnotations(Map.of(Descriptor.REF_NAME, name));
  }

  @Test
  void duplicateNamesFromSeveralToolsAreOneReference() {
    IndexEditor index =
        editor(named(a, "latest"), named(a, "docker.io/library/latest:latest"), named(b, "b"));
    assertThat(index.imageIds()).containsExactly(a.id(), b.id());
    assertThat(index.refsOf(a.id())).containsExactly(ref("latest"));
    assertThat(index.setRef(ref("latest"), b.manifest(), b.id())).contains(a.id());
    assertThat(index.result().manifests())
        .extracting(d -> d.annotation(Descriptor.REF_NAME).orElse("<dangling>"))
        .containsExactly("b", "<dangling>", "docker.io/library/latest:latest");
    assertThat(index.refsOf(b.id())).containsExactly(ref("b"), ref("latest"));
    assertThat(index.refsOf(a.id())).isEmpty();
    assertThat(index.imageIds()).containsExactlyInAnyOrder(a.id(), b.id());
  }

  @Test
  void settingAReferenceReplacesTheImagesDanglingEntry() {
    IndexEditor index = editor();
    index.ensureListed(a.manifest(), a.id());
    index.ensureListed(a.manifest(), a.id());
    assertThat(index.result().manifests()).hasSize(1);
    assertThat(index.setRef(ref("x"), a.manifest(), a.id())).isEmpty();
    assertThat(index.result().manifests()).containsExactly(named(a, "docker.io/library/x:latest"));
  }

  @Test
  void settingWhatIsThereChangesNothing() {
    IndexEditor index = editor(named(a, "docker.io/library/x:latest"));
    assertThat(index.setRef(ref("x"), a.manifest(), a.id())).isEmpty();
    assertThat(index.removeRef(ref("nope"))).isEmpty();
    assertThat(index.changed()).isFalse();
  }

  @Test
  void theLastReferenceLeavesADanglingEntryWithTheImagesMetadata() {
    Descriptor entry =
        a.manifest()
            .withAnnotations(
                Map.of(
                    Descriptor.REF_NAME,
                    "docker.io/library/x:latest",
                    ImageAnnotations.PARENT,
                    b.id().toString()));
    IndexEditor index = editor(entry);
    assertThat(index.removeRef(ref("x"))).contains(a.id());
    assertThat(index.result().manifests())
        .containsExactly(
            a.manifest().withAnnotations(Map.of(ImageAnnotations.PARENT, b.id().toString())));
    assertThat(index.jdockAnnotationsOf(a.id()))
        .containsEntry(ImageAnnotations.PARENT, b.id().toString());
  }

  @Test
  void entriesItCannotReadAreKeptButAreNoImages() {
    Descriptor missing =
        Descriptor.of(MediaType.OCI_MANIFEST, Digest.sha256(new byte[] {9}), 1)
            .withAnnotations(Map.of(Descriptor.REF_NAME, "gone"));
    Descriptor unparsable = named(a, "Upper:case");
    IndexEditor index = editor(missing, unparsable);
    assertThat(index.imageIds()).containsExactly(a.id());
    assertThat(index.refsOf(a.id())).isEmpty();
    index.setRef(ref("y"), a.manifest(), a.id());
    // The unparsable name is not a dangling entry: it is kept as written.
    assertThat(index.result().manifests()).contains(missing, unparsable);
    index.removeImage(a.id());
    assertThat(index.result().manifests()).containsExactly(missing);
    assertThat(index.imageOf(ref("gone"))).isEmpty();
  }

  @Test
  void annotationsGoOnEveryEntryOfTheImage() {
    IndexEditor index = editor(named(a, "x"), named(a, "y"), named(b, "z"));
    index.putAnnotations(a.id(), Map.of(ImageAnnotations.LAST_TAG_TIME, "2024-01-01T00:00:00Z"));
    assertThat(index.result().manifests())
        .filteredOn(d -> d.digest().equals(a.manifest().digest()))
        .allSatisfy(
            d ->
                assertThat(d.annotation(ImageAnnotations.LAST_TAG_TIME))
                    .contains("2024-01-01T00:00:00Z"));
    assertThat(index.jdockAnnotationsOf(b.id())).isEmpty();
    assertThat(index.imageOf(ref("z"))).isEqualTo(Optional.of(b.id()));
  }
}
