package io.jdock.store;

import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code docker images} as docker's daemon answers it (moby daemon/images/image_list.go, reference
 * doc section 1.4): filters {@code dangling}, {@code label}, {@code before}, {@code since}, {@code
 * until} and {@code reference} (globs, ORed, also matching a tag's repository); dangling images and
 * intermediate images (with children) hidden unless {@code all}; newest first.
 */
public final class ImageListing {
  private static final Set<String> ACCEPTED =
      Set.of("dangling", "label", "before", "since", "reference", "until");

  private final ImageStore store;
  private final Instant now;
  private final ZoneId zone;

  /** A listing of the store's images; {@code now} and {@code zone} read {@code until} values. */
  public ImageListing(ImageStore store, Instant now, ZoneId zone) {
    this.store = store;
    this.now = now;
    this.zone = zone;
  }

  /**
   * The images to list.
   *
   * @param all docker's {@code -a}: also dangling images that have children
   * @param withSharedSize compute {@link ImageSummary#sharedSize()} ({@code system df -v})
   * @throws InvalidFilterException an unknown key or a bad value, in docker's words
   * @throws NoSuchImageException a {@code before} or {@code since} image that does not exist
   */
  public List<ImageSummary> list(boolean all, ImageFilters filters, boolean withSharedSize)
      throws InvalidFilterException, NoSuchImageException, InvalidReferenceException, IOException {
    filters.validate(ACCEPTED);
    Query query =
        new Query(
            all,
            filters,
            filters.getBoolOrDefault("dangling", false),
            before(filters),
            imageTimes(filters.get("since")).stream().max(Comparator.naturalOrder()));
    List<Image> images = store.images();
    Map<Digest, Integer> children = new HashMap<>();
    images.forEach(i -> i.parent().ifPresent(p -> children.merge(p, 1, Integer::sum)));
    Map<Digest, Integer> containers = new HashMap<>();
    store.containers().list().forEach(c -> containers.merge(c.imageId(), 1, Integer::sum));
    List<ImageSummary> result = new ArrayList<>();
    for (Image image : images) {
      query
          .summary(image, children.containsKey(image.id()))
          .map(s -> s.withContainers(containers.getOrDefault(image.id(), 0)))
          .ifPresent(result::add);
    }
    result.sort(Comparator.comparingLong(ImageSummary::created).reversed());
    return withSharedSize ? SharedSizes.add(result, images, store.layers()) : result;
  }

  /** The {@code before} bound: the oldest of the {@code before} images and {@code until} times. */
  private Optional<Instant> before(ImageFilters filters)
      throws InvalidFilterException, NoSuchImageException, InvalidReferenceException, IOException {
    List<Instant> bounds = imageTimes(filters.get("before"));
    for (String value : filters.get("until")) {
      bounds.add(FilterTimes.parse(value, now, zone));
    }
    return bounds.stream().min(Comparator.naturalOrder());
  }

  /** What one listing asks for, applied image by image. */
  private record Query(
      boolean all,
      ImageFilters filters,
      boolean danglingOnly,
      Optional<Instant> before,
      Optional<Instant> since) {

    Optional<ImageSummary> summary(Image image, boolean hasChildren) throws InvalidFilterException {
      Optional<Instant> created = createdTime(image);
      if ((danglingOnly && hasChildren)
          || (before.isPresent() && !created.map(c -> c.isBefore(before.get())).orElse(false))
          || (since.isPresent() && !created.map(c -> c.isAfter(since.get())).orElse(false))
          || !filters.matchKeyValues("label", image.config().value().config().labels())) {
        return Optional.empty();
      }
      List<String> patterns = filters.get("reference");
      List<ImageReference> refs = ReferenceFilter.matching(patterns, image);
      List<ImageReference> tags = refs.stream().filter(r -> r.digest().isEmpty()).toList();
      List<ImageReference> digests = refs.stream().filter(r -> r.digest().isPresent()).toList();
      if (tags.isEmpty() && ReferenceFilter.allTagged(patterns)) {
        digests = List.of();
      }
      boolean listed =
          tags.isEmpty() && digests.isEmpty()
              ? (all || !hasChildren)
                  && !(filters.contains("dangling") && !danglingOnly)
                  && patterns.isEmpty()
              : !(danglingOnly && !tags.isEmpty());
      return listed
          ? Optional.of(
              new ImageSummary(image, tags, digests, unixSeconds(image), OptionalLong.empty(), 0))
          : Optional.empty();
    }
  }

  private List<Instant> imageTimes(List<String> arguments)
      throws NoSuchImageException, InvalidReferenceException, IOException {
    List<Instant> times = new ArrayList<>();
    for (String argument : arguments) {
      createdTime(store.get(argument)).ifPresent(times::add);
    }
    return times;
  }

  /**
   * The config's creation time, Go's zero time included (docker keeps it: such images sort last and
   * show {@code N/A}); empty when the config has none.
   */
  static Optional<Instant> createdTime(Image image) {
    String created = image.config().value().created();
    if (created == null || created.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(created));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** docker's {@code Summary.Created}: Unix seconds of the creation time, 0 without one. */
  static long unixSeconds(Image image) {
    return createdTime(image).map(Instant::getEpochSecond).orElse(0L);
  }
}
