package io.jdock.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.layer.Compression;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.MediaType;
import io.jdock.store.ImageStore;
import io.jdock.store.LayerUnpacker;
import io.jdock.store.StorePaths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Archives {@code load} refuses: one clear line each, and a store with nothing half done. */
class LoadRefusalTest {
  @TempDir Path root;
  ImageStore store;

  @BeforeEach
  void open() throws IOException {
    store = ImageStore.open(StorePaths.of(root));
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  void assertRefused(byte[] archive, String message) throws IOException {
    assertThatThrownBy(
            () ->
                new ImageLoader(store, ImageLoaderTest.EXTRACTOR, ImageLoaderTest.AMD64)
                    .load(new ByteArrayInputStream(archive)))
        .isInstanceOf(IOException.class)
        .hasMessage(message);
    StoreChecks.assertNothingHalfDone(store);
  }

  record Case(String name, byte[] archive, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> refusals() {
    TestImage one = TestImage.of("one", Compression.NONE);
    TestImage two = TestImage.of("two", Compression.NONE, Compression.GZIP);
    Digest wrong = Digest.sha256("not the layer".getBytes(StandardCharsets.UTF_8));
    TestImage plainMismatch = one.withDiffIds(List.of(wrong));
    TestImage gzipMismatch = two.withDiffIds(List.of(two.diffIds().get(0), wrong));
    TestImage countMismatch = one.withDiffIds(List.of(one.diffIds().get(0), wrong));
    byte[] evilLayer = new ArchiveTar().file("../../escaped", "pwned").build();
    TestImage evil =
        new TestImage("evil", null, List.of(evilLayer), List.of())
            .withDiffIds(List.of(Digest.sha256(evilLayer)));
    byte[] big = new byte[(1 << 20) + 1];
    new Random(1).nextBytes(big);
    String bigName = "blobs/sha256/" + wrong.hex();
    return Stream.of(
        new Case(
            "no manifest.json nor index.json",
            new ArchiveTar().file("hello.txt", "hi").build(),
            "invalid archive: does not contain a manifest.json"),
        new Case(
            "an empty tar",
            new ArchiveTar().build(),
            "invalid archive: does not contain a manifest.json"),
        new Case(
            "fewer layers than diff_ids",
            Layouts.legacy(countMismatch, "c:1"),
            "invalid manifest, layers length mismatch: expected 1, got 2"),
        new Case(
            "a plain layer that is not its diff_id",
            Layouts.legacy(plainMismatch, "p:1"),
            "invalid diffID for layer 0: expected \""
                + wrong
                + "\", got \""
                + one.diffIds().get(0)
                + "\""),
        new Case(
            "a gzip layer that is not its diff_id (found while extracting)",
            Layouts.legacy(gzipMismatch, "g:1"),
            "invalid diffID for layer 1: expected \""
                + wrong
                + "\", got \""
                + two.diffIds().get(1)
                + "\""),
        new Case(
            "a layer file that is missing",
            new ArchiveTar()
                .file("c.json", one.config())
                .file("manifest.json", "[{\"Config\":\"c.json\",\"Layers\":[\"gone/layer.tar\"]}]")
                .build(),
            "invalid archive: \"gone/layer.tar\" named by manifest.json is missing"),
        new Case(
            "an entry name with ..",
            new ArchiveTar().file("../outside", "x").build(),
            "invalid archive: unsafe entry name \"../outside\""),
        new Case(
            "an absolute entry name",
            new ArchiveTar().file("/etc/outside", "x").build(),
            "invalid archive: unsafe entry name \"/etc/outside\""),
        new Case(
            "an upper-case RepoTag",
            withManifest(one, "[\"Foo:1\"]"),
            "invalid reference format: repository name (library/Foo) must be lowercase"),
        new Case("a RepoTag without a tag", withManifest(one, "[\"foo\"]"), "invalid tag \"foo\""),
        new Case(
            "a small blob that is not what its name says",
            withWrongConfig(one, "not the config"),
            "invalid archive: blob "
                + one.id()
                + " has the digest "
                + Digest.sha256("not the config".getBytes(StandardCharsets.UTF_8))),
        new Case(
            "a large blob that is not what its name says",
            new ArchiveTar().file(bigName, big).build(),
            "invalid archive: "
                + bigName
                + ": digest mismatch: expected "
                + wrong
                + ", got "
                + Digest.sha256(big)),
        new Case(
            "a layer that writes outside itself",
            Layouts.legacy(evil, "evil:1"),
            "unsafe layer entry \"../../escaped\": path escapes the layer"),
        new Case(
            "a symlink loop",
            new ArchiveTar()
                .symlink("a", "b")
                .symlink("b", "a")
                .file("manifest.json", "[{\"Config\":\"a\",\"Layers\":[]}]")
                .build(),
            "invalid archive: \"a\": too many levels of symbolic links"),
        new Case(
            "a hard link to nothing",
            new ArchiveTar().hardlink("manifest.json", "elsewhere").build(),
            "invalid archive: hard link \"manifest.json\" to missing \"elsewhere\""),
        new Case(
            "a bzip2 layer",
            Layouts.legacy(TestImage.of("bz", Compression.BZIP2), "bz:1"),
            "invalid archive: layer 0 is bzip2-compressed, which OCI has no type for"));
  }

  /** A one-layer archive whose manifest.json has these RepoTags (JSON). */
  private static byte[] withManifest(TestImage image, String repoTags) {
    return new ArchiveTar()
        .file("layer.tar", image.layerBlobs().get(0))
        .file("c.json", image.config())
        .file(
            "manifest.json",
            "[{\"Config\":\"c.json\",\"RepoTags\":" + repoTags + ",\"Layers\":[\"layer.tar\"]}]")
        .build();
  }

  /** A layout whose config blob holds {@code content} instead. */
  private static byte[] withWrongConfig(TestImage image, String content) {
    String manifest = new String(image.manifest(), StandardCharsets.UTF_8);
    return new ArchiveTar()
        .file("blobs/sha256/" + image.id().hex(), content)
        .file("blobs/sha256/" + image.layerDigests().get(0).hex(), image.layerBlobs().get(0))
        .file("blobs/sha256/" + Digest.sha256(image.manifest()).hex(), manifest)
        .file(
            "index.json",
            "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\""
                + MediaType.OCI_MANIFEST
                + "\",\"digest\":\""
                + Digest.sha256(image.manifest())
                + "\",\"size\":"
                + image.manifest().length
                + "}]}")
        .build();
  }

  @ParameterizedTest
  @MethodSource("refusals")
  void refuses(Case c) throws IOException {
    assertRefused(c.archive(), c.message());
  }

  @Test
  void refusesATruncatedArchive() throws IOException {
    byte[] archive = Layouts.legacy(TestImage.of("cut", Compression.NONE), "cut:1");
    byte[] cut = Arrays.copyOf(archive, 1536 + 700);
    assertThatThrownBy(
            () ->
                new ImageLoader(store, ImageLoaderTest.EXTRACTOR, ImageLoaderTest.AMD64)
                    .load(new ByteArrayInputStream(cut)))
        .isInstanceOf(InvalidArchiveException.class)
        .hasMessageStartingWith("invalid archive: ");
    StoreChecks.assertNothingHalfDone(store);
  }

  @Test
  void refusesSomethingThatIsNoTar() throws IOException {
    byte[] text = "root:x:0:0:root:/root:/bin/bash\n".repeat(40).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () ->
                new ImageLoader(store, ImageLoaderTest.EXTRACTOR, ImageLoaderTest.AMD64)
                    .load(new ByteArrayInputStream(text)))
        .isInstanceOf(InvalidArchiveException.class)
        .hasMessageStartingWith("invalid archive: ");
    StoreChecks.assertNothingHalfDone(store);
  }

  @Test
  void aLoadInterruptedByAnExceptionLeavesNoImage() throws IOException {
    TestImage image = TestImage.of("interrupted", Compression.GZIP, Compression.GZIP);
    AtomicInteger calls = new AtomicInteger();
    LayerUnpacker failing =
        (blob, rootfs, toc, diffId) -> {
          if (calls.incrementAndGet() == 2) {
            Files.writeString(rootfs.resolve("half-written"), "x");
            throw new IOException("disk on fire");
          }
          return ImageLoaderTest.EXTRACTOR.unpack(blob, rootfs, toc, diffId);
        };

    assertThatThrownBy(
            () ->
                new ImageLoader(store, failing, ImageLoaderTest.AMD64)
                    .load(new ByteArrayInputStream(Layouts.legacy(image, "i:1"))))
        .hasMessage("disk on fire");

    StoreChecks.assertNothingHalfDone(store);
    assertThat(store.layers().has(image.diffIds().get(1))).isFalse();
    // The store is still usable: the same archive loads once the cause is gone.
    new ImageLoader(store, ImageLoaderTest.EXTRACTOR, ImageLoaderTest.AMD64)
        .load(new ByteArrayInputStream(Layouts.legacy(image, "i:1")));
    assertThat(store.image(image.id())).isPresent();
  }

  @Test
  void aDescriptorWithAnotherSizeIsRefused() throws IOException {
    TestImage image = TestImage.of("size");
    Layouts layout = new Layouts().addBlobs(image);
    byte[] manifest = image.manifest();
    Digest m = layout.blob(manifest);
    layout.entry(Descriptor.of(MediaType.OCI_MANIFEST, m, manifest.length + 1));
    assertRefused(
        layout.tar(),
        "invalid archive: blob "
            + m
            + " has "
            + manifest.length
            + " bytes, its descriptor says "
            + (manifest.length + 1));
  }
}
