package io.jdock.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdock.layer.Compression;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.MediaType;
import io.jdock.oci.OciJson;
import io.jdock.oci.Platform;
import io.jdock.reference.ImageReference;
import io.jdock.store.Image;
import io.jdock.store.ImageStore;
import io.jdock.store.StorePaths;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ImageImporterTest {
  static final Instant NOW = Instant.parse("2025-06-07T08:09:10.123456789Z");
  static final byte[] ROOTFS =
      new ArchiveTar()
          .dir("etc")
          .file("etc/os-release", "NAME=imported\n")
          .file("hello.txt", "hello\n")
          .build();

  @TempDir Path root;
  ImageStore store;
  ImageImporter importer;

  @BeforeEach
  void open() throws IOException {
    store = ImageStore.open(StorePaths.of(root));
    importer =
        new ImageImporter(
            store,
            ImageLoaderTest.EXTRACTOR,
            Platform.of("linux", "arm", "v7"),
            Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  ImportedImage importTar(byte[] tar, Optional<String> tag, List<String> changes, String message)
      throws Exception {
    Optional<ImageReference> ref =
        tag.isPresent() ? Optional.of(ImageReference.parse(tag.get())) : Optional.empty();
    return importer.importTar(new ByteArrayInputStream(tar), ref, changes, message);
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void importsARootfsTarOfEachCompression(Compression compression) throws Exception {
    byte[] given = Compress.with(compression, ROOTFS);

    ImportedImage imported = importTar(given, Optional.of("imported:v1"), List.of(), "");

    Image image = store.image(imported.id()).orElseThrow();
    assertThat(imported.id()).isEqualTo(Digest.sha256(image.config().raw()));
    assertThat(image.repoTags()).containsExactly(ImageReference.parse("imported:v1"));
    assertThat(image.diffIds()).containsExactly(Digest.sha256(ROOTFS));
    Descriptor layer = image.manifest().value().layers().get(0);
    // Stored as given, except bzip2, which OCI has no media type for: stored decompressed.
    byte[] stored = compression == Compression.BZIP2 ? ROOTFS : given;
    assertThat(layer.digest()).isEqualTo(Digest.sha256(stored));
    assertThat(layer.mediaType())
        .isEqualTo(
            switch (compression) {
              case GZIP -> MediaType.OCI_LAYER_GZIP;
              case ZSTD -> MediaType.OCI_LAYER_ZSTD;
              default -> MediaType.OCI_LAYER;
            });
    Path rootfs = store.layers().rootfs(Digest.sha256(ROOTFS));
    assertThat(rootfs.resolve("etc/os-release")).hasContent("NAME=imported");
  }

  @Test
  void writesDockersConfigWithTheChangesAndTheMessage() throws Exception {
    ImportedImage imported =
        importTar(
            ROOTFS,
            Optional.empty(),
            List.of("CMD [\"/bin/sh\"]", "ENV PATH=/usr/bin", "WORKDIR /app"),
            "from a tarball");

    Image image = store.image(imported.id()).orElseThrow();
    assertThat(image.isDangling()).isTrue();
    JsonNode config = OciJson.mapper().readTree(image.config().raw());
    assertThat(config.get("architecture").asText()).isEqualTo("arm");
    assertThat(config.get("variant").asText()).isEqualTo("v7");
    assertThat(config.get("os").asText()).isEqualTo("linux");
    assertThat(config.get("created").asText()).isEqualTo(NOW.toString());
    assertThat(config.get("comment").asText()).isEqualTo("from a tarball");
    assertThat(config.get("config").toString())
        .isEqualTo("{\"Env\":[\"PATH=/usr/bin\"],\"Cmd\":[\"/bin/sh\"],\"WorkingDir\":\"/app\"}");
    assertThat(config.get("history").toString())
        .isEqualTo("[{\"created\":\"" + NOW + "\",\"comment\":\"from a tarball\"}]");
    assertThat(config.at("/rootfs/diff_ids/0").asText())
        .isEqualTo(Digest.sha256(ROOTFS).toString());
    assertThat(image.manifest().value().config().mediaType()).isEqualTo(MediaType.OCI_CONFIG);
  }

  @Test
  void withoutAMessageThereIsNoComment() throws Exception {
    ImportedImage imported = importTar(ROOTFS, Optional.empty(), List.of(), "");
    JsonNode config =
        OciJson.mapper().readTree(store.image(imported.id()).orElseThrow().config().raw());
    assertThat(config.has("comment")).isFalse();
    assertThat(config.get("config").toString()).isEqualTo("{}");
    assertThat(config.get("history").toString()).isEqualTo("[{\"created\":\"" + NOW + "\"}]");
  }

  @Test
  void anUnsafeTarLeavesNoImage() throws Exception {
    byte[] evil = new ArchiveTar().symlink("evil", "/etc").file("evil/passwd", "pwned").build();
    assertThatThrownBy(() -> importTar(evil, Optional.of("evil:1"), List.of(), ""))
        .hasMessage("unsafe layer entry \"evil/passwd\": parent \"evil\" is a symlink");
    StoreChecks.assertNothingHalfDone(store);
  }

  @Test
  void somethingThatIsNoTarLeavesNoImage() throws Exception {
    byte[] text = "not a tar at all\n".repeat(100).getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> importTar(text, Optional.empty(), List.of(), ""))
        .hasMessageStartingWith("invalid layer tar");
    StoreChecks.assertNothingHalfDone(store);
  }

  @Test
  void aShortFileIsNoTar() throws Exception {
    byte[] text = "not a tar\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(
            () -> importTar(Compress.with(Compression.GZIP, text), Optional.empty(), List.of(), ""))
        .isInstanceOf(InvalidArchiveException.class)
        .hasMessage("invalid layer tar: unexpected EOF");
    StoreChecks.assertNothingHalfDone(store);
  }

  @Test
  void aBadChangeIsRefusedBeforeTheTarIsRead() {
    InputStream unreadable =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("the tar was read");
          }
        };
    assertThatThrownBy(
            () -> importer.importTar(unreadable, Optional.empty(), List.of("RUN make"), ""))
        .isInstanceOf(InvalidChangeException.class)
        .hasMessage("RUN is not a valid change command");
    assertThat(store.paths().blobsDir()).isEmptyDirectory();
  }

  @Test
  void theSameTarImportedTwiceAtTheSameTimeIsTheSameImage() throws Exception {
    ImportedImage first = importTar(ROOTFS, Optional.empty(), List.of(), "m");
    ImportedImage second = importTar(ROOTFS, Optional.empty(), List.of(), "m");
    assertThat(second.id()).isEqualTo(first.id());
    assertThat(store.images()).hasSize(1);
    assertThat(Files.list(store.paths().blobsDir()).count()).isEqualTo(3);
  }
}
