package io.jdock.archive;

import io.jdock.reference.ImageReference;
import io.jdock.store.Image;
import java.util.List;

/** One image {@code save} writes, with the tags the archive gives it (none: saved by ID). */
public record SavedImage(Image image, List<ImageReference> tags) {
  public SavedImage {
    tags = List.copyOf(tags);
  }
}
