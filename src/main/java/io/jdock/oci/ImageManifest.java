package io.jdock.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * A single-platform image manifest, OCI or Docker schema 2
 * (https://github.com/opencontainers/image-spec/blob/main/manifest.md).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImageManifest(
    @JsonProperty("schemaVersion") int schemaVersion,
    @JsonProperty("mediaType") MediaType mediaType,
    @JsonProperty("artifactType") String artifactType,
    @JsonProperty("config") Descriptor config,
    @JsonProperty("layers") List<Descriptor> layers,
    @JsonProperty("subject") Descriptor subject,
    @JsonProperty("annotations") Map<String, String> annotations) {

  public ImageManifest {
    layers = layers == null ? List.of() : List.copyOf(layers);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  /** An OCI manifest of a config and layers. */
  public static ImageManifest oci(Descriptor config, List<Descriptor> layers) {
    return new ImageManifest(2, MediaType.OCI_MANIFEST, null, config, layers, null, null);
  }

  /** Parses and checks a manifest: schema 2, a config and layers of known kinds. */
  public static Parsed<ImageManifest> parse(byte[] raw) throws InvalidContentException {
    ImageManifest m = OciJson.read(raw, ImageManifest.class, "image manifest");
    if (m.schemaVersion != 2) {
      throw new InvalidContentException(
          "unsupported manifest schemaVersion " + m.schemaVersion + " (schema 1 is not supported)");
    }
    if (m.config == null) {
      throw new InvalidContentException("invalid image manifest: no config");
    }
    if (m.mediaType != null && m.mediaType.isIndex()) {
      throw new InvalidContentException("invalid image manifest: mediaType " + m.mediaType);
    }
    for (Descriptor layer : m.layers) {
      if (layer.digest() == null || layer.mediaType() == null) {
        throw new InvalidContentException("invalid image manifest: layer without digest or type");
      }
    }
    return new Parsed<>(m, raw);
  }
}
