package io.jdock.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.layer.Compression;
import io.jdock.layer.LayerExtractor;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.MediaType;
import io.jdock.oci.Platform;
import io.jdock.reference.ImageReference;
import io.jdock.store.Image;
import io.jdock.store.ImageStore;
import io.jdock.store.LayerUnpacker;
import io.jdock.store.StorePaths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImageLoaderTest {
  static final Platform AMD64 = Platform.of("linux", "amd64", "");
  static final LayerUnpacker EXTRACTOR = new LayerExtractor(false)::extract;

  @TempDir Path root;
  @TempDir Path elsewhere;
  ImageStore store;

  @BeforeEach
  void open() throws IOException {
    store = ImageStore.open(StorePaths.of(root));
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  List<LoadedImage> load(byte[] archive) throws IOException {
    return new ImageLoader(store, EXTRACTOR, AMD64).load(new ByteArrayInputStream(archive));
  }

  static ImageReference ref(String s) throws Exception {
    return ImageReference.parse(s);
  }

  /** The image is registered with its config as is and a manifest of the stored blobs. */
  void assertStored(TestImage expected) throws IOException {
    Image image = store.image(expected.id()).orElseThrow();
    assertThat(image.config().raw()).isEqualTo(expected.config());
    List<Descriptor> layers = image.manifest().value().layers();
    assertThat(layers.stream().map(Descriptor::digest).toList()).isEqualTo(expected.layerDigests());
    for (Descriptor layer : layers) {
      assertThat(store.blobs().size(layer.digest())).isEqualTo(layer.size());
    }
    for (Digest diffId : expected.diffIds()) {
      assertThat(store.layers().has(diffId)).as("layer %s extracted", diffId).isTrue();
    }
  }

  @Test
  void loadsALegacyArchiveAndBuildsAnOciManifestForIt() throws Exception {
    TestImage image = TestImage.of("legacy", Compression.NONE, Compression.NONE);
    List<LoadedImage> loaded = load(Layouts.legacy(image, "foo:1.0", "localhost:5000/bar:2"));

    assertThat(loaded).hasSize(1);
    assertThat(loaded.get(0).id()).isEqualTo(image.id());
    assertThat(loaded.get(0).tags()).containsExactly(ref("foo:1.0"), ref("localhost:5000/bar:2"));
    assertThat(loaded.get(0).moved()).isEmpty();
    assertStored(image);
    Image stored = store.image(image.id()).orElseThrow();
    assertThat(stored.manifestDescriptor().mediaType()).isEqualTo(MediaType.OCI_MANIFEST);
    assertThat(stored.manifest().value().config().mediaType()).isEqualTo(MediaType.OCI_CONFIG);
    assertThat(stored.manifest().value().layers())
        .extracting(Descriptor::mediaType)
        .containsOnly(MediaType.OCI_LAYER);
    assertThat(stored.repoTags())
        .containsExactlyInAnyOrder(ref("foo:1.0"), ref("localhost:5000/bar:2"));
  }

  @ParameterizedTest
  @EnumSource(
      value = Compression.class,
      names = {"NONE", "GZIP", "ZSTD"})
  void aBuiltManifestDescribesEachLayerByItsRealCompression(Compression compression)
      throws Exception {
    TestImage image = TestImage.of("c-" + compression, compression);
    load(Layouts.legacy(image, "c:latest"));

    assertStored(image);
    MediaType expected =
        switch (compression) {
          case GZIP -> MediaType.OCI_LAYER_GZIP;
          case ZSTD -> MediaType.OCI_LAYER_ZSTD;
          default -> MediaType.OCI_LAYER;
        };
    assertThat(store.image(image.id()).orElseThrow().manifest().value().layers().get(0).mediaType())
        .isEqualTo(expected);
  }

  @ParameterizedTest
  @EnumSource(
      value = Compression.class,
      names = {"GZIP", "ZSTD", "BZIP2"})
  void readsACompressedArchive(Compression compression) throws Exception {
    TestImage image = TestImage.of("z", Compression.GZIP);
    byte[] archive = Compress.with(compression, Layouts.legacy(image, "z:1"));

    assertThat(load(archive).get(0).id()).isEqualTo(image.id());
    assertStored(image);
  }

  @Test
  void keepsTheManifestOfADocker25Archive() throws Exception {
    TestImage image = TestImage.of("d25", Compression.NONE, Compression.NONE);
    Layouts layout =
        new Layouts()
            .image(image, Map.of(Descriptor.CONTAINERD_IMAGE_NAME, "docker.io/library/d25:9"))
            .manifestJson("[" + Layouts.dockerItem(image, "d25:9") + "]");

    List<LoadedImage> loaded = load(layout.tar());

    assertThat(loaded.get(0).tags()).containsExactly(ref("d25:9"));
    assertStored(image);
    Image stored = store.image(image.id()).orElseThrow();
    assertThat(stored.manifestDescriptor().digest()).isEqualTo(Digest.sha256(image.manifest()));
  }

  @Test
  void manifestJsonWinsOverAnOciManifestWithoutLayers() throws Exception {
    // Docker 25.0.0 wrote OCI manifests with "layers": [] (moby#47065).
    TestImage image = TestImage.of("regression", Compression.NONE);
    String emptyManifest =
        "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
            + image.id()
            + "\",\"size\":"
            + image.config().length
            + "},\"layers\":[]}";
    Layouts layout = new Layouts().addBlobs(image);
    Digest broken = layout.blob(emptyManifest.getBytes());
    layout
        .entry(Descriptor.of(MediaType.OCI_MANIFEST, broken, emptyManifest.length()))
        .manifestJson("[" + Layouts.dockerItem(image, "r:1") + "]");

    load(layout.tar());

    assertStored(image);
    assertThat(store.image(image.id()).orElseThrow().manifestDescriptor().digest())
        .isNotEqualTo(broken);
  }

  @Test
  void namesImagesOfAPlainOciLayoutByTheirAnnotations() throws Exception {
    TestImage containerd = TestImage.of("one");
    TestImage fullRef = TestImage.of("two");
    TestImage bareTag = TestImage.of("three");
    Layouts layout =
        new Layouts()
            .image(
                containerd,
                Map.of(
                    Descriptor.CONTAINERD_IMAGE_NAME, "registry.example/one:1",
                    Descriptor.REF_NAME, "1"))
            .image(fullRef, Map.of(Descriptor.REF_NAME, "two:2"))
            .image(bareTag, Map.of(Descriptor.REF_NAME, "latest"));

    List<LoadedImage> loaded = load(layout.tar());

    assertThat(loaded)
        .extracting(LoadedImage::id)
        .containsExactly(containerd.id(), fullRef.id(), bareTag.id());
    assertThat(loaded.get(0).tags()).containsExactly(ref("registry.example/one:1"));
    assertThat(loaded.get(1).tags()).containsExactly(ref("two:2"));
    assertThat(loaded.get(2).tags()).isEmpty();
    assertStored(bareTag);
    assertThat(store.image(bareTag.id()).orElseThrow().isDangling()).isTrue();
  }

  @Test
  void picksThisMachinesPlatformFromANestedIndex() throws Exception {
    TestImage arm = TestImage.of("arm", Compression.GZIP);
    TestImage amd = TestImage.of("amd", Compression.GZIP);
    Map<Platform, TestImage> byPlatform = new java.util.LinkedHashMap<>();
    byPlatform.put(Platform.of("linux", "arm64", ""), arm);
    byPlatform.put(Platform.of("linux", "amd64", ""), amd);
    Layouts layout =
        new Layouts()
            .nested(
                Map.of(Descriptor.CONTAINERD_IMAGE_NAME, "docker.io/library/multi:1"), byPlatform);

    List<LoadedImage> loaded = load(layout.tar());

    assertThat(loaded).extracting(LoadedImage::id).containsExactly(amd.id());
    assertStored(amd);
    assertThat(store.image(arm.id())).isEmpty();
    assertThatThrownBy(
            () ->
                new ImageLoader(store, EXTRACTOR, Platform.of("linux", "s390x", ""))
                    .load(new ByteArrayInputStream(layout.tar())))
        .isInstanceOf(InvalidArchiveException.class)
        .hasMessage("no matching manifest for linux/s390x in the manifest list entries");
  }

  @Test
  void loadsALayoutDirectory() throws Exception {
    TestImage image = TestImage.of("dir", Compression.ZSTD, Compression.GZIP);
    Path dir =
        new Layouts()
            .image(image, Map.of(Descriptor.REF_NAME, "localhost/dir:x"))
            .writeTo(elsewhere.resolve("layout"));

    List<LoadedImage> loaded = new ImageLoader(store, EXTRACTOR, AMD64).loadDirectory(dir);

    assertThat(loaded.get(0).tags()).containsExactly(ref("localhost/dir:x"));
    assertStored(image);
    assertThat(dir.resolve("index.json")).exists(); // the directory is only read
  }

  @Test
  void aDirectorysSymlinksStayInsideIt() throws Exception {
    TestImage image = TestImage.of("inside");
    Path dir = new Layouts().image(image, Map.of()).writeTo(elsewhere.resolve("layout"));
    Path outside = Files.writeString(elsewhere.resolve("outside.json"), "[]");
    // An absolute symlink is resolved inside the directory, as docker's FollowSymlinkInScope does:
    // there it names nothing, so the outside "[]" (no image) is never read and index.json is used.
    Files.createSymbolicLink(dir.resolve("manifest.json"), outside);

    List<LoadedImage> loaded = new ImageLoader(store, EXTRACTOR, AMD64).loadDirectory(dir);

    assertThat(loaded).extracting(LoadedImage::id).containsExactly(image.id());
  }

  @Test
  void followsSymlinksAndHardLinksBetweenEntries() throws Exception {
    // skopeo's docker-archive: <v1id>/layer.tar -> ../<hex>.tar
    TestImage image = TestImage.of("links", Compression.NONE, Compression.NONE);
    String hex0 = image.layerDigests().get(0).hex();
    String hex1 = image.layerDigests().get(1).hex();
    byte[] archive =
        new ArchiveTar()
            .file(hex0 + ".tar", image.layerBlobs().get(0))
            .file("second.tar", image.layerBlobs().get(1))
            .hardlink(hex1 + ".tar", "second.tar")
            .dir("v1")
            .symlink("v1/layer.tar", "../" + hex0 + ".tar")
            .symlink("abs", "/" + hex1 + ".tar")
            .file("config.json", image.config())
            .file(
                "manifest.json",
                "[{\"Config\":\"config.json\",\"RepoTags\":[\"links:1\"],"
                    + "\"Layers\":[\"v1/layer.tar\",\"abs\"]}]")
            .build();

    load(archive);

    assertStored(image);
  }

  @Test
  void loadsSeveralImagesOneUntaggedAndReportsMovedTags() throws Exception {
    TestImage first = TestImage.of("first");
    TestImage second = TestImage.of("second");
    load(Layouts.legacy(first, "app:latest"));

    Layouts layout =
        new Layouts()
            .addBlobs(second)
            .addBlobs(first)
            .manifestJson(
                "["
                    + Layouts.dockerItem(second, "app:latest", "app:v2")
                    + ","
                    + Layouts.dockerItem(first)
                    + "]");
    List<LoadedImage> loaded = load(layout.tar());

    assertThat(loaded).extracting(LoadedImage::id).containsExactly(second.id(), first.id());
    assertThat(loaded.get(0).moved()).hasSize(1);
    assertThat(loaded.get(0).moved().get(0).reference()).isEqualTo(ref("app:latest"));
    assertThat(loaded.get(0).moved().get(0).previousImage()).isEqualTo(first.id());
    assertThat(loaded.get(1).tags()).isEmpty();
    assertThat(store.image(first.id()).orElseThrow().repoTags()).isEmpty();
  }

  @Test
  void loadingTheSameArchiveTwiceChangesNothing() throws Exception {
    TestImage image = TestImage.of("twice", Compression.GZIP);
    byte[] archive = Layouts.legacy(image, "twice:1");
    load(archive);
    byte[] index = Files.readAllBytes(root.resolve("index.json"));

    List<LoadedImage> again = load(archive);

    assertThat(again.get(0).moved()).isEmpty();
    assertThat(root.resolve("index.json")).hasBinaryContent(index);
  }
}
