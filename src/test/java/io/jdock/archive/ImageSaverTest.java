package io.jdock.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdock.layer.Compression;
import io.jdock.oci.Digest;
import io.jdock.oci.OciJson;
import io.jdock.reference.InvalidReferenceException;
import io.jdock.store.Image;
import io.jdock.store.ImageStore;
import io.jdock.store.NoSuchImageException;
import io.jdock.store.StorePaths;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageSaverTest {
  static final Instant CREATED = Instant.parse(TestImage.CREATED);

  @TempDir Path root;
  @TempDir Path other;
  @TempDir Path out;
  ImageStore store;
  ImageSaver saver;
  TestImage app = TestImage.of("app", Compression.GZIP, Compression.NONE);
  TestImage tool = TestImage.of("tool", Compression.ZSTD);

  @BeforeEach
  void open() throws IOException {
    store = ImageStore.open(StorePaths.of(root));
    saver = new ImageSaver(store);
    load(store, Layouts.legacy(app, "app:1", "app:2", "localhost:5000/app:1"));
    load(store, Layouts.legacy(tool, "tool:latest"));
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  static List<LoadedImage> load(ImageStore into, byte[] archive) throws IOException {
    return new ImageLoader(into, ImageLoaderTest.EXTRACTOR, ImageLoaderTest.AMD64)
        .load(new ByteArrayInputStream(archive));
  }

  byte[] save(String... names) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    saver.write(saver.select(List.of(names)), bytes);
    return bytes.toByteArray();
  }

  /** The archive's entries in order, with their content. */
  static Map<String, byte[]> entries(byte[] archive, List<TarArchiveEntry> headers)
      throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new ByteArrayInputStream(archive))) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        headers.add(e);
        entries.put(e.getName(), tar.readAllBytes());
      }
    }
    return entries;
  }

  static JsonNode json(byte[] content) throws IOException {
    return OciJson.mapper().readTree(content);
  }

  @Test
  void aSavedImageLoadsBackWithTheSameIdManifestAndTags() throws Exception {
    byte[] archive = save("app:1", "tool");
    Image before = store.image(app.id()).orElseThrow();
    try (ImageStore fresh = ImageStore.open(StorePaths.of(other))) {
      List<LoadedImage> loaded = load(fresh, archive);

      assertThat(loaded).extracting(LoadedImage::id).containsExactly(app.id(), tool.id());
      Image after = fresh.image(app.id()).orElseThrow();
      assertThat(after.manifestDescriptor()).isEqualTo(before.manifestDescriptor());
      assertThat(after.config().raw()).isEqualTo(app.config());
      assertThat(after.repoTags()).containsExactly(ImageLoaderTest.ref("app:1"));
      assertThat(fresh.image(tool.id()).orElseThrow().repoTags())
          .containsExactly(ImageLoaderTest.ref("tool:latest"));
    }
  }

  @Test
  void writesADocker25ArchiveReproducibly() throws Exception {
    byte[] archive = save("app:1", "localhost:5000/app:1");
    assertThat(save("app:1", "localhost:5000/app:1")).isEqualTo(archive);

    List<TarArchiveEntry> headers = new ArrayList<>();
    Map<String, byte[]> entries = entries(archive, headers);
    Image image = store.image(app.id()).orElseThrow();
    Digest manifest = image.manifestDescriptor().digest();
    List<String> blobs =
        List.of(app.id(), manifest, app.layerDigests().get(0), app.layerDigests().get(1)).stream()
            .sorted()
            .map(d -> "blobs/sha256/" + d.hex())
            .toList();
    List<String> names = new ArrayList<>(List.of("blobs/", "blobs/sha256/"));
    names.addAll(blobs);
    names.addAll(List.of("index.json", "manifest.json", "oci-layout", "repositories"));
    assertThat(entries.keySet()).containsExactlyElementsOf(names);

    for (TarArchiveEntry e : headers) {
      assertThat(e.getLongUserId()).isZero();
      assertThat(e.getLongGroupId()).isZero();
      assertThat(e.getMode() & 07777).isEqualTo(e.isDirectory() ? 0755 : 0644);
      boolean dated =
          e.isDirectory()
              || e.getName().endsWith(app.id().hex())
              || app.layerDigests().stream().anyMatch(d -> e.getName().endsWith(d.hex()));
      assertThat(e.getModTime().toInstant())
          .as(e.getName())
          .isEqualTo(dated ? CREATED : Instant.EPOCH);
    }
    assertThat(entries.get("blobs/sha256/" + app.id().hex())).isEqualTo(app.config());
    assertThat(entries.get("blobs/sha256/" + app.layerDigests().get(0).hex()))
        .isEqualTo(app.layerBlobs().get(0));
    assertThat(new String(entries.get("oci-layout"), StandardCharsets.UTF_8))
        .isEqualTo("{\"imageLayoutVersion\": \"1.0.0\"}");

    JsonNode index = json(entries.get("index.json"));
    assertThat(index.get("manifests")).hasSize(2);
    assertThat(index.at("/manifests/0/digest").asText()).isEqualTo(manifest.toString());
    assertThat(index.at("/manifests/0/annotations/io.containerd.image.name").asText())
        .isEqualTo("docker.io/library/app:1");
    assertThat(index.at("/manifests/0/annotations/org.opencontainers.image.ref.name").asText())
        .isEqualTo("1");
    assertThat(index.at("/manifests/1/annotations/io.containerd.image.name").asText())
        .isEqualTo("localhost:5000/app:1");

    assertThat(new String(entries.get("manifest.json"), StandardCharsets.UTF_8))
        .isEqualTo(
            "[{\"Config\":\"blobs/sha256/"
                + app.id().hex()
                + "\",\"RepoTags\":[\"app:1\",\"localhost:5000/app:1\"],\"Layers\":[\"blobs/sha256/"
                + app.layerDigests().get(0).hex()
                + "\",\"blobs/sha256/"
                + app.layerDigests().get(1).hex()
                + "\"]}]\n");
    String top = app.layerDigests().get(1).hex();
    assertThat(new String(entries.get("repositories"), StandardCharsets.UTF_8))
        .isEqualTo(
            "{\"app\":{\"1\":\"" + top + "\"},\"localhost:5000/app\":{\"1\":\"" + top + "\"}}\n");
  }

  @Test
  void aRepositoryNameSavesEveryTagOfIt() throws Exception {
    List<SavedImage> selected = saver.select(List.of("app"));
    assertThat(selected).hasSize(1);
    assertThat(selected.get(0).tags())
        .containsExactlyInAnyOrder(ImageLoaderTest.ref("app:1"), ImageLoaderTest.ref("app:2"));
  }

  @Test
  void anIdSavesTheImageWithoutTags() throws Exception {
    for (String id :
        List.of(app.id().toString(), app.id().hex(), app.id().hex().substring(0, 12))) {
      List<SavedImage> selected = saver.select(List.of(id));
      assertThat(selected).extracting(s -> s.image().id()).containsExactly(app.id());
      assertThat(selected.get(0).tags()).isEmpty();
    }
    Map<String, byte[]> entries = entries(save(app.id().toString()), new ArrayList<>());
    assertThat(json(entries.get("manifest.json")).at("/0/RepoTags").isNull()).isTrue();
    assertThat(json(entries.get("index.json")).at("/manifests/0/annotations").isMissingNode())
        .isTrue();
    assertThat(entries).doesNotContainKey("repositories");
  }

  @Test
  void namesThatAreNoImageFailLikeDocker() {
    assertThatThrownBy(() -> saver.select(List.of("tool", "nope")))
        .isInstanceOf(NoSuchImageException.class)
        .hasMessage("No such image: nope:latest");
    assertThatThrownBy(() -> saver.select(List.of("app:3")))
        .isInstanceOf(NoSuchImageException.class)
        .hasMessage("No such image: app:3");
    String unknown = "sha256:" + "ab".repeat(32);
    assertThatThrownBy(() -> saver.select(List.of(unknown)))
        .isInstanceOf(NoSuchImageException.class)
        .hasMessage("No such image: " + unknown);
    assertThatThrownBy(() -> saver.select(List.of("UPPER")))
        .isInstanceOf(InvalidReferenceException.class)
        .hasMessage("invalid reference format: repository name (library/UPPER) must be lowercase");
  }

  @Test
  void writesAFileAtomicallyReadableOnlyByItsOwner() throws Exception {
    Path target = Files.writeString(out.resolve("old.tar"), "previous content");
    saver.write(saver.select(List.of("tool")), target);

    assertThat(target).hasBinaryContent(save("tool"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(target)))
        .isEqualTo("rw-------");
    try (var files = Files.list(out)) {
      assertThat(files.toList()).containsExactly(target);
    }
  }

  @Test
  void aCorruptBlobFailsTheSaveAndLeavesNoFile() throws Exception {
    Path layer = store.blobs().path(tool.layerDigests().get(0));
    byte[] content = Files.readAllBytes(layer);
    content[content.length / 2] ^= 1;
    Files.write(layer, content);
    Path target = out.resolve("tool.tar");

    assertThatThrownBy(() -> saver.write(saver.select(List.of("tool")), target))
        .hasMessageStartingWith("blob " + tool.layerDigests().get(0) + " is corrupt");
    try (var files = Files.list(out)) {
      assertThat(files.toList()).isEmpty();
    }
  }
}
