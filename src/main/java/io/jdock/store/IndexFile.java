package io.jdock.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jdock.oci.ImageIndex;
import io.jdock.oci.InvalidContentException;
import io.jdock.oci.MediaType;
import io.jdock.oci.OciJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The layout's {@code oci-layout} and {@code index.json}
 * (https://github.com/opencontainers/image-spec/blob/main/image-layout.md): creating and checking
 * them, reading the index, and writing it atomically (callers hold the store lock). Written JSON is
 * compact with annotation keys sorted, so the same index always has the same bytes.
 */
final class IndexFile {
  static final String LAYOUT_VERSION = "1.0.0";
  private static final byte[] OCI_LAYOUT =
      ("{\"imageLayoutVersion\":\"" + LAYOUT_VERSION + "\"}").getBytes(StandardCharsets.UTF_8);
  private static final ObjectMapper WRITER =
      OciJson.mapper().copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private final StorePaths paths;

  IndexFile(StorePaths paths) {
    this.paths = paths;
  }

  /** Creates {@code oci-layout} and an empty {@code index.json} where missing. */
  void createIfMissing(TempSpace temp) throws IOException {
    if (!Files.exists(paths.ociLayout())) {
      temp.writeAtomically(paths.ociLayout(), OCI_LAYOUT);
    }
    if (!Files.exists(paths.index())) {
      write(ImageIndex.of(List.of()), temp);
    }
  }

  /** Checks that the root is an OCI layout of a version jdock reads (1.x). */
  void validateLayout() throws IOException {
    Path file = paths.ociLayout();
    JsonNode layout;
    try {
      layout = OciJson.mapper().readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      throw new InvalidContentException(notALayout("it has no oci-layout file"));
    } catch (IOException e) {
      throw new InvalidContentException(notALayout("its oci-layout file is not JSON"), e);
    }
    String version = layout == null ? "" : layout.path("imageLayoutVersion").asText("");
    if (!version.startsWith("1.")) {
      throw new InvalidContentException(
          notALayout("its imageLayoutVersion is \"" + version + "\", not 1.x"));
    }
  }

  private String notALayout(String why) {
    return "the store " + paths.root() + " is not an OCI image layout jdock can use: " + why;
  }

  /** The current index. */
  ImageIndex read() throws IOException {
    byte[] raw;
    try {
      raw = Files.readAllBytes(paths.index());
    } catch (NoSuchFileException e) {
      return ImageIndex.of(List.of());
    }
    try {
      return ImageIndex.parse(raw).value();
    } catch (InvalidContentException e) {
      throw new InvalidContentException(paths.index() + ": " + e.getMessage(), e);
    }
  }

  /** Replaces index.json atomically (the caller holds the store lock). */
  void write(ImageIndex index, TempSpace temp) throws IOException {
    ImageIndex complete =
        index.mediaType() != null
            ? index
            : new ImageIndex(
                index.schemaVersion(),
                MediaType.OCI_INDEX,
                index.artifactType(),
                index.manifests(),
                index.subject(),
                index.annotations());
    temp.writeAtomically(paths.index(), serialize(complete));
  }

  /**
   * The bytes jdock writes for an index: compact, annotation keys sorted, and {@code manifests}
   * present even when empty (the spec requires it).
   */
  static byte[] serialize(ImageIndex index) {
    ObjectNode tree = WRITER.valueToTree(index);
    ObjectNode ordered = WRITER.createObjectNode();
    for (String field : List.of("schemaVersion", "mediaType", "artifactType")) {
      if (tree.has(field)) {
        ordered.set(field, tree.get(field));
      }
    }
    ordered.set(
        "manifests", tree.has("manifests") ? tree.get("manifests") : WRITER.createArrayNode());
    tree.fields().forEachRemaining(field -> ordered.putIfAbsent(field.getKey(), field.getValue()));
    try {
      return WRITER.writeValueAsBytes(ordered);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise the image index", e);
    }
  }
}
