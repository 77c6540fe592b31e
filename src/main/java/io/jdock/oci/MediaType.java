package io.jdock.oci;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;

/**
 * A media type of an OCI or Docker descriptor
 * (https://github.com/opencontainers/image-spec/blob/main/media-types.md). Parameters after ';' are
 * dropped, as the distribution spec says clients dispatch on the type alone.
 */
public final class MediaType {
  public static final MediaType OCI_INDEX =
      new MediaType("application/vnd.oci.image.index.v1+json");
  public static final MediaType OCI_MANIFEST =
      new MediaType("application/vnd.oci.image.manifest.v1+json");
  public static final MediaType OCI_CONFIG =
      new MediaType("application/vnd.oci.image.config.v1+json");
  public static final MediaType OCI_LAYER = new MediaType("application/vnd.oci.image.layer.v1.tar");
  public static final MediaType OCI_LAYER_GZIP =
      new MediaType("application/vnd.oci.image.layer.v1.tar+gzip");
  public static final MediaType OCI_LAYER_ZSTD =
      new MediaType("application/vnd.oci.image.layer.v1.tar+zstd");
  public static final MediaType OCI_LAYER_NONDIST =
      new MediaType("application/vnd.oci.image.layer.nondistributable.v1.tar");
  public static final MediaType OCI_LAYER_NONDIST_GZIP =
      new MediaType("application/vnd.oci.image.layer.nondistributable.v1.tar+gzip");
  public static final MediaType OCI_LAYER_NONDIST_ZSTD =
      new MediaType("application/vnd.oci.image.layer.nondistributable.v1.tar+zstd");
  public static final MediaType DOCKER_MANIFEST_LIST =
      new MediaType("application/vnd.docker.distribution.manifest.list.v2+json");
  public static final MediaType DOCKER_MANIFEST =
      new MediaType("application/vnd.docker.distribution.manifest.v2+json");
  public static final MediaType DOCKER_MANIFEST_V1 =
      new MediaType("application/vnd.docker.distribution.manifest.v1+json");
  public static final MediaType DOCKER_MANIFEST_V1_SIGNED =
      new MediaType("application/vnd.docker.distribution.manifest.v1+prettyjws");
  public static final MediaType DOCKER_CONFIG =
      new MediaType("application/vnd.docker.container.image.v1+json");
  public static final MediaType DOCKER_LAYER =
      new MediaType("application/vnd.docker.image.rootfs.diff.tar");
  public static final MediaType DOCKER_LAYER_GZIP =
      new MediaType("application/vnd.docker.image.rootfs.diff.tar.gzip");
  public static final MediaType DOCKER_LAYER_ZSTD =
      new MediaType("application/vnd.docker.image.rootfs.diff.tar.zstd");
  public static final MediaType DOCKER_FOREIGN_LAYER_GZIP =
      new MediaType("application/vnd.docker.image.rootfs.foreign.diff.tar.gzip");

  private final String value;

  private MediaType(String value) {
    this.value = value;
  }

  /** Parses a media type, dropping parameters and case differences. */
  @JsonCreator
  public static MediaType of(String value) {
    Objects.requireNonNull(value, "media type");
    int semi = value.indexOf(';');
    String bare = (semi >= 0 ? value.substring(0, semi) : value).trim().toLowerCase(Locale.ROOT);
    return new MediaType(bare);
  }

  /** An image index or a Docker manifest list. */
  public boolean isIndex() {
    return equals(OCI_INDEX) || equals(DOCKER_MANIFEST_LIST);
  }

  /** A single-platform image manifest (OCI or Docker schema 2). */
  public boolean isManifest() {
    return equals(OCI_MANIFEST) || equals(DOCKER_MANIFEST);
  }

  /** A Docker schema 1 manifest, which jdock refuses as docker does. */
  public boolean isSchema1() {
    return equals(DOCKER_MANIFEST_V1) || equals(DOCKER_MANIFEST_V1_SIGNED);
  }

  /** An image config (OCI or Docker). */
  public boolean isConfig() {
    return equals(OCI_CONFIG) || equals(DOCKER_CONFIG);
  }

  /** A layer tar of any compression. */
  public boolean isLayer() {
    return value.startsWith("application/vnd.oci.image.layer.")
        || value.startsWith("application/vnd.docker.image.rootfs.");
  }

  public String value() {
    return value;
  }

  @JsonValue
  @Override
  public String toString() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MediaType m && m.value.equals(value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}
