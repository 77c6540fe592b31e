package io.jdock.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A content descriptor (https://github.com/opencontainers/image-spec/blob/main/descriptor.md): what
 * a blob is, its digest and size, and optional annotations and platform.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Descriptor(
    @JsonProperty("mediaType") MediaType mediaType,
    @JsonProperty("digest") Digest digest,
    @JsonProperty("size") long size,
    @JsonProperty("urls") List<String> urls,
    @JsonProperty("annotations") Map<String, String> annotations,
    @JsonProperty("platform") Platform platform,
    @JsonProperty("artifactType") String artifactType) {

  /** The annotation holding an image's name in an OCI layout's index.json. */
  public static final String REF_NAME = "org.opencontainers.image.ref.name";

  /** containerd's (and Docker 25+ save's) full image name annotation. */
  public static final String CONTAINERD_IMAGE_NAME = "io.containerd.image.name";

  public Descriptor {
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    urls = urls == null ? List.of() : List.copyOf(urls);
  }

  /** A plain descriptor of a blob. */
  public static Descriptor of(MediaType mediaType, Digest digest, long size) {
    return new Descriptor(mediaType, digest, size, null, null, null, null);
  }

  public Descriptor withAnnotations(Map<String, String> newAnnotations) {
    return new Descriptor(mediaType, digest, size, urls, newAnnotations, platform, artifactType);
  }

  public Descriptor withPlatform(Platform newPlatform) {
    return new Descriptor(mediaType, digest, size, urls, annotations, newPlatform, artifactType);
  }

  /** The value of an annotation, if present. */
  public Optional<String> annotation(String key) {
    return Optional.ofNullable(annotations.get(key));
  }
}
