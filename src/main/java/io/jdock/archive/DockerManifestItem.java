package io.jdock.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.jdock.oci.OciJson;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * One image of a {@code docker save} archive's {@code manifest.json} (moby
 * daemon/internal/image/tarexport): the config's path, the tags, the layer files' paths base first;
 * {@code RepoTags} is {@code null} for an image saved by ID, as docker writes it.
 */
@JsonPropertyOrder({"Config", "RepoTags", "Layers", "Parent", "LayerSources"})
record DockerManifestItem(
    @JsonProperty("Config") String config,
    @JsonProperty("RepoTags") @JsonInclude(JsonInclude.Include.ALWAYS) List<String> repoTags,
    @JsonProperty("Layers") List<String> layers,
    @JsonProperty("Parent") @JsonInclude(JsonInclude.Include.NON_EMPTY) String parent,
    @JsonProperty("LayerSources") @JsonInclude(JsonInclude.Include.NON_EMPTY)
        Map<String, Object> layerSources) {

  static final String FILE = "manifest.json";

  /** Parses a manifest.json. */
  static List<DockerManifestItem> parse(byte[] raw) throws InvalidArchiveException {
    List<DockerManifestItem> items;
    try {
      items = OciJson.mapper().readValue(raw, new TypeReference<List<DockerManifestItem>>() {});
    } catch (JsonProcessingException e) {
      throw new InvalidArchiveException(
          "invalid archive: invalid manifest.json: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidArchiveException("invalid archive: invalid manifest.json: " + e, e);
    }
    if (items == null) {
      return List.of();
    }
    for (DockerManifestItem item : items) {
      if (item == null || item.config == null || item.config.isEmpty()) {
        throw new InvalidArchiveException("invalid archive: manifest.json: an image has no Config");
      }
    }
    return items;
  }

  /** The tags, never null. */
  List<String> tags() {
    return repoTags == null ? List.of() : repoTags;
  }

  /** The layer paths, never null. */
  List<String> layerPaths() {
    return layers == null ? List.of() : layers;
  }
}
