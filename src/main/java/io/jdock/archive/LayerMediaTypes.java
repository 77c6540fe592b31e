package io.jdock.archive;

import io.jdock.layer.Compression;
import io.jdock.oci.MediaType;

/**
 * The OCI media type of a layer blob stored as an archive has it (image-spec media-types.md): the
 * blob is described by its real compression, whatever the archive called it.
 */
final class LayerMediaTypes {
  private LayerMediaTypes() {}

  static MediaType of(Compression compression, int layer) throws InvalidArchiveException {
    return switch (compression) {
      case NONE -> MediaType.OCI_LAYER;
      case GZIP -> MediaType.OCI_LAYER_GZIP;
      case ZSTD -> MediaType.OCI_LAYER_ZSTD;
      case BZIP2 ->
          throw new InvalidArchiveException(
              "invalid archive: layer "
                  + layer
                  + " is bzip2-compressed, which OCI has no type for");
    };
  }
}
