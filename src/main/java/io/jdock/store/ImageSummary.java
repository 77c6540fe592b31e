package io.jdock.store;

import io.jdock.reference.ImageReference;
import java.util.List;
import java.util.OptionalLong;

/**
 * One image of a listing, as docker's daemon summarises it ({@code image.Summary}): the references
 * that passed the {@code reference} filter, sorted as docker's reference store sorts them.
 *
 * @param created the config's creation time in Unix seconds: 0 when the config has none, Go's zero
 *     time ({@code -62135596800}) when it says {@code 0001-01-01T00:00:00Z}
 * @param sharedSize the size of the layers other images share too, when it was asked for
 * @param containers how many containers use the image
 */
public record ImageSummary(
    Image image,
    List<ImageReference> repoTags,
    List<ImageReference> repoDigests,
    long created,
    OptionalLong sharedSize,
    int containers) {
  public ImageSummary {
    repoTags = List.copyOf(repoTags);
    repoDigests = List.copyOf(repoDigests);
  }

  /** The same summary with this container count. */
  public ImageSummary withContainers(int count) {
    return new ImageSummary(image, repoTags, repoDigests, created, sharedSize, count);
  }

  /** The same summary with this shared size. */
  public ImageSummary withSharedSize(long size) {
    return new ImageSummary(
        image, repoTags, repoDigests, created, OptionalLong.of(size), containers);
  }

  /** The layers' size ({@link Image#size()}). */
  public long size() {
    return image.size();
  }
}
