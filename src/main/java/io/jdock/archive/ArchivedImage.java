package io.jdock.archive;

import io.jdock.oci.ImageManifest;
import io.jdock.oci.MediaType;
import io.jdock.oci.Parsed;
import io.jdock.reference.ImageReference;
import java.util.List;
import java.util.Optional;

/**
 * An image found in an archive, nothing of it stored yet.
 *
 * @param config the config's exact bytes (the image ID is their digest)
 * @param layers the layer files, base first
 * @param manifest the archive's own manifest of this image, when there is one to keep
 * @param tags the references the archive gives it (none: loaded untagged)
 */
record ArchivedImage(
    byte[] config,
    List<ArchiveFile> layers,
    Optional<Original> manifest,
    List<ImageReference> tags) {

  ArchivedImage {
    layers = List.copyOf(layers);
    tags = List.copyOf(tags);
  }

  /** A manifest as the archive has it, with the media type its descriptor gave. */
  record Original(MediaType mediaType, Parsed<ImageManifest> parsed) {}
}
