package io.jdock.archive;

import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;
import io.jdock.store.MovedReference;
import java.util.List;
import java.util.Optional;

/**
 * One image {@code load} registered: its ID, the tags it now has from the archive (none: docker
 * prints {@code Loaded image ID: <id>}), and the tags it took from other images (docker prints
 * {@code The image X already exists, renaming the old one with ID ... to empty string}).
 */
public record LoadedImage(Digest id, List<ImageReference> tags, List<MovedReference> moved) {
  public LoadedImage {
    tags = List.copyOf(tags);
    moved = List.copyOf(moved);
  }

  /** The image {@code tag} was taken from, if it named another image before. */
  public Optional<Digest> previousImageOf(ImageReference tag) {
    return moved.stream()
        .filter(m -> m.reference().equals(tag))
        .map(MovedReference::previousImage)
        .findFirst();
  }
}
