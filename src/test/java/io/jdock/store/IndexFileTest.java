package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageIndex;
import io.jdock.oci.InvalidContentException;
import io.jdock.oci.MediaType;
import io.jdock.oci.Platform;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IndexFileTest {
  @TempDir Path root;

  private static Digest digest(char c) {
    return Digest.sha256Hex(String.valueOf(c).repeat(64));
  }

  @Test
  void writesTheGoldenIndexByteForByte() throws IOException {
    // Annotations given in an order other than the sorted one the writer must produce.
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(Descriptor.REF_NAME, "docker.io/library/ubuntu:latest");
    annotations.put(ImageAnnotations.PARENT, digest('2').toString());
    annotations.put(ImageAnnotations.LAST_TAG_TIME, "2024-05-06T07:08:09Z");
    Descriptor tagged =
        Descriptor.of(MediaType.OCI_MANIFEST, digest('1'), 123).withAnnotations(annotations);
    Map<String, String> byDigest = new LinkedHashMap<>(annotations);
    byDigest.put(Descriptor.REF_NAME, "docker.io/library/ubuntu@" + digest('3'));
    Descriptor dangling =
        Descriptor.of(MediaType.OCI_MANIFEST, digest('4'), 45)
            .withPlatform(Platform.of("linux", "arm64", ""));
    ImageIndex index = ImageIndex.of(List.of(tagged, tagged.withAnnotations(byDigest), dangling));

    byte[] golden;
    try (InputStream in = getClass().getResourceAsStream("golden-index.json")) {
      golden = in.readAllBytes();
    }
    assertThat(new String(IndexFile.serialize(index))).isEqualTo(new String(golden));

    try (TempSpace temp = TempSpace.create(root.resolve("tmp"))) {
      IndexFile file = new IndexFile(StorePaths.of(root));
      file.write(index, temp);
      assertThat(root.resolve("index.json")).hasBinaryContent(golden);
      assertThat(file.read()).isEqualTo(index);
    }
  }

  @Test
  void createsAnEmptyLayoutAndKeepsAnExistingOne() throws IOException {
    IndexFile file = new IndexFile(StorePaths.of(root));
    try (TempSpace temp = TempSpace.create(root.resolve("tmp"))) {
      file.createIfMissing(temp);
      assertThat(root.resolve("oci-layout")).hasContent("{\"imageLayoutVersion\":\"1.0.0\"}");
      assertThat(root.resolve("index.json"))
          .hasContent(
              "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                  + "\"manifests\":[]}");
      file.validateLayout();
      Files.writeString(root.resolve("index.json"), "{\"schemaVersion\":2,\"manifests\":[]}");
      file.createIfMissing(temp);
      assertThat(root.resolve("index.json")).hasContent("{\"schemaVersion\":2,\"manifests\":[]}");
    }
  }

  @Test
  void keepsWhatOtherToolsWroteWhenRewriting() throws IOException {
    Files.writeString(
        root.resolve("index.json"),
        "{\"schemaVersion\":2,\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
            + "\"digest\":\""
            + digest('5')
            + "\",\"size\":9,\"annotations\":{\"org.opencontainers.image.ref.name\":\"v1\"}}],"
            + "\"annotations\":{\"com.example\":\"kept\"}}");
    IndexFile file = new IndexFile(StorePaths.of(root));
    try (TempSpace temp = TempSpace.create(root.resolve("tmp"))) {
      file.write(file.read(), temp);
    }
    assertThat(root.resolve("index.json"))
        .hasContent(
            "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"manifests\":[{\"mediaType\":\"application/vnd.oci.image.index.v1+json\","
                + "\"digest\":\""
                + digest('5')
                + "\",\"size\":9,\"annotations\":{\"org.opencontainers.image.ref.name\":\"v1\"}}],"
                + "\"annotations\":{\"com.example\":\"kept\"}}");
  }

  @Test
  void refusesLayoutsOfAnotherVersionAndBrokenIndexes() throws IOException {
    IndexFile file = new IndexFile(StorePaths.of(root));
    assertThatThrownBy(file::validateLayout)
        .isInstanceOf(InvalidContentException.class)
        .hasMessageEndingWith(
            "is not an OCI image layout jdock can use: it has no oci-layout file");
    Files.writeString(root.resolve("oci-layout"), "{\"imageLayoutVersion\":\"2.0.0\"}");
    assertThatThrownBy(file::validateLayout)
        .hasMessageContaining("imageLayoutVersion is \"2.0.0\"");
    Files.writeString(root.resolve("oci-layout"), "{nope");
    assertThatThrownBy(file::validateLayout).hasMessageContaining("not JSON");
    Files.writeString(root.resolve("index.json"), "{\"schemaVersion\":1}");
    assertThatThrownBy(file::read)
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("index.json: unsupported image index schemaVersion 1");
  }
}
