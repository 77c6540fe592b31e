package io.jdock.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * An image index or Docker manifest list
 * (https://github.com/opencontainers/image-spec/blob/main/image-index.md); also the shape of an OCI
 * layout's index.json.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImageIndex(
    @JsonProperty("schemaVersion") int schemaVersion,
    @JsonProperty("mediaType") MediaType mediaType,
    @JsonProperty("artifactType") String artifactType,
    @JsonProperty("manifests") List<Descriptor> manifests,
    @JsonProperty("subject") Descriptor subject,
    @JsonProperty("annotations") Map<String, String> annotations) {

  public ImageIndex {
    manifests = manifests == null ? List.of() : List.copyOf(manifests);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  /** An OCI index of the given manifests. */
  public static ImageIndex of(List<Descriptor> manifests) {
    return new ImageIndex(2, MediaType.OCI_INDEX, null, manifests, null, null);
  }

  /** Parses and checks an index. */
  public static Parsed<ImageIndex> parse(byte[] raw) throws InvalidContentException {
    ImageIndex index = OciJson.read(raw, ImageIndex.class, "image index");
    if (index.schemaVersion != 2) {
      throw new InvalidContentException(
          "unsupported image index schemaVersion " + index.schemaVersion);
    }
    for (Descriptor d : index.manifests) {
      if (d.digest() == null) {
        throw new InvalidContentException("invalid image index: entry without digest");
      }
    }
    return new Parsed<>(index, raw);
  }
}
