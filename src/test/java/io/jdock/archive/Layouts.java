package io.jdock.archive;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageIndex;
import io.jdock.oci.MediaType;
import io.jdock.oci.OciJson;
import io.jdock.oci.Platform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds archives in the shapes {@code load} reads, for tests: an OCI layout (as a tar or a
 * directory) with any index entries, optionally with docker's manifest.json beside it (Docker 25+),
 * and Docker &le; 24's legacy layout.
 */
final class Layouts {
  private final Map<Digest, byte[]> blobs = new LinkedHashMap<>();
  private final List<Descriptor> index = new ArrayList<>();
  private String manifestJson;

  /** Adds a blob; returns its digest. */
  Digest blob(byte[] content) {
    Digest d = Digest.sha256(content);
    blobs.put(d, content);
    return d;
  }

  /** Adds an image's blobs and an index entry for its manifest with these annotations. */
  Layouts image(TestImage image, Map<String, String> annotations) {
    byte[] manifest = image.manifest();
    addBlobs(image);
    index.add(
        Descriptor.of(MediaType.OCI_MANIFEST, blob(manifest), manifest.length)
            .withAnnotations(annotations));
    return this;
  }

  /** Adds an image's config and layers (no manifest). */
  Layouts addBlobs(TestImage image) {
    blob(image.config());
    image.layerBlobs().forEach(this::blob);
    return this;
  }

  /** Adds a nested index of the given images for the given platforms, annotated. */
  Layouts nested(Map<String, String> annotations, Map<Platform, TestImage> images) {
    List<Descriptor> entries = new ArrayList<>();
    images.forEach(
        (platform, image) -> {
          addBlobs(image);
          byte[] manifest = image.manifest();
          entries.add(
              Descriptor.of(MediaType.OCI_MANIFEST, blob(manifest), manifest.length)
                  .withPlatform(platform));
        });
    byte[] nested = OciJson.write(ImageIndex.of(entries));
    index.add(
        Descriptor.of(MediaType.OCI_INDEX, blob(nested), nested.length)
            .withAnnotations(annotations));
    return this;
  }

  /** Adds an index entry as given. */
  Layouts entry(Descriptor d) {
    index.add(d);
    return this;
  }

  /** Docker's manifest.json, raw. */
  Layouts manifestJson(String json) {
    this.manifestJson = json;
    return this;
  }

  /** Docker's manifest.json entry for an image whose layers are named by blob digest. */
  static String dockerItem(TestImage image, String... repoTags) {
    List<String> layers =
        image.layerDigests().stream().map(d -> "\"blobs/sha256/" + d.hex() + "\"").toList();
    List<String> tags = List.of(repoTags).stream().map(t -> "\"" + t + "\"").toList();
    return "{\"Config\":\"blobs/sha256/"
        + image.id().hex()
        + "\",\"RepoTags\":"
        + (repoTags.length == 0 ? "null" : "[" + String.join(",", tags) + "]")
        + ",\"Layers\":["
        + String.join(",", layers)
        + "]}";
  }

  byte[] indexJson() {
    return OciJson.write(ImageIndex.of(index));
  }

  /** The layout as a tar: blobs first, then the metadata, as docker writes it. */
  byte[] tar() {
    ArchiveTar tar = new ArchiveTar().dir("blobs").dir("blobs/sha256");
    blobs.forEach((d, content) -> tar.file("blobs/sha256/" + d.hex(), content));
    tar.file("index.json", indexJson());
    if (manifestJson != null) {
      tar.file("manifest.json", manifestJson);
    }
    return tar.file("oci-layout", "{\"imageLayoutVersion\": \"1.0.0\"}").build();
  }

  /** The layout written as a directory. */
  Path writeTo(Path dir) throws IOException {
    Files.createDirectories(dir.resolve("blobs/sha256"));
    for (Map.Entry<Digest, byte[]> b : blobs.entrySet()) {
      Files.write(dir.resolve("blobs/sha256/" + b.getKey().hex()), b.getValue());
    }
    Files.write(dir.resolve("index.json"), indexJson());
    if (manifestJson != null) {
      Files.writeString(dir.resolve("manifest.json"), manifestJson);
    }
    Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\": \"1.0.0\"}");
    return dir;
  }

  /** Docker &le; 24's layout: {@code <v1id>/layer.tar}, {@code <hex>.json}, manifest.json. */
  static byte[] legacy(TestImage image, String... repoTags) {
    ArchiveTar tar = new ArchiveTar();
    List<String> layers = new ArrayList<>();
    for (int i = 0; i < image.layerBlobs().size(); i++) {
      String v1 = Digest.sha256((image.seed() + i).getBytes(StandardCharsets.UTF_8)).hex();
      tar.dir(v1).file(v1 + "/VERSION", "1.0").file(v1 + "/json", "{\"id\":\"" + v1 + "\"}");
      tar.file(v1 + "/layer.tar", image.layerBlobs().get(i));
      layers.add("\"" + v1 + "/layer.tar\"");
    }
    tar.file(image.id().hex() + ".json", image.config());
    List<String> tags = List.of(repoTags).stream().map(t -> "\"" + t + "\"").toList();
    String manifest =
        "[{\"Config\":\""
            + image.id().hex()
            + ".json\",\"RepoTags\":["
            + String.join(",", tags)
            + "],\"Layers\":["
            + String.join(",", layers)
            + "]}]";
    return tar.file("manifest.json", manifest).file("repositories", "{}").build();
  }
}
