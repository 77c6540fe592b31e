package io.jdock.store;

import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code rmi} and {@code image prune} with docker's rules (reference doc section 1.5). Each removal
 * is one index transaction; the content it frees is then garbage-collected, unless another process
 * is writing content at that moment, in which case the next collection takes it.
 */
public final class ImageRemover {
  private static final Set<String> PRUNE_FILTERS = Set.of("dangling", "label", "label!", "until");

  private final ImageStore store;

  public ImageRemover(ImageStore store) {
    this.store = store;
  }

  /**
   * Removes what one {@code rmi} argument names.
   *
   * @param force docker's {@code -f}: overrides soft conflicts (several repositories, a stopped
   *     container)
   * @param prune false for docker's {@code --no-prune}: keep untagged parents
   * @return {@code Untagged:} and {@code Deleted:} records in docker's order
   */
  public List<RemoveRecord> remove(String argument, boolean force, boolean prune)
      throws NoSuchImageException, ImageConflictException, InvalidReferenceException, IOException {
    List<RemoveRecord> records;
    try (IndexTransaction tx = IndexTransaction.begin(store)) {
      ImageDeletion deletion =
          new ImageDeletion(
              tx, store.containers().list(), recordManifests(), store.layers(), store.blobs());
      records = deletion.delete(argument, force, prune);
      tx.commit();
    }
    store.gcIfIdle();
    return records;
  }

  private List<Digest> recordManifests() throws IOException {
    return Stream.concat(
            store.containers().list().stream().map(ContainerRecord::manifestDigest),
            store.mounts().list().stream().map(MountRecord::manifestDigest))
        .toList();
  }

  /**
   * docker's {@code image prune}: dangling images (no tag, no child), or with {@code all} every
   * image no container uses. Images that conflict are skipped.
   */
  public PruneReport prune(boolean all) throws IOException {
    try {
      return prune(ImageFilters.none().add("dangling", String.valueOf(!all)), Instant.now());
    } catch (InvalidFilterException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * docker's {@code image prune} with its filters (moby daemon/images/image_prune.go): {@code
   * dangling} (default true; false prunes every image no container uses), {@code until} (created
   * before), {@code label} and {@code label!} ({@code key} or {@code key=value}).
   *
   * @param now the time {@code until} durations count back from
   * @throws InvalidFilterException an unknown key or a bad value, in docker's words
   */
  public PruneReport prune(ImageFilters filters, Instant now)
      throws InvalidFilterException, IOException {
    filters.validate(PRUNE_FILTERS);
    boolean danglingOnly = filters.getBoolOrDefault("dangling", true);
    Optional<Instant> until = until(filters, now);
    List<Image> images = store.images();
    Set<Digest> parents = new HashSet<>();
    images.forEach(i -> i.parent().ifPresent(parents::add));
    Set<Digest> used = new HashSet<>();
    store.containers().list().forEach(c -> used.add(c.imageId()));
    List<RemoveRecord> records = new ArrayList<>();
    for (Image image : images) {
      boolean hasChildren = parents.contains(image.id());
      if ((danglingOnly && hasChildren)
          || (image.isDangling() && hasChildren)
          || (!danglingOnly && used.contains(image.id()))
          || !matches(image, until, filters)) {
        continue;
      }
      if (image.isDangling()) {
        records.addAll(removeSkippingConflicts(image.id().hex()));
      } else if (!danglingOnly || image.repoTags().isEmpty()) {
        for (ImageReference ref : image.references()) {
          records.addAll(removeSkippingConflicts(ref.toString()));
        }
      }
    }
    long reclaimed = 0;
    for (RemoveRecord record : records) {
      if (record instanceof RemoveRecord.DeletedLayer layer) {
        reclaimed += layer.size();
      }
    }
    return new PruneReport(records, reclaimed);
  }

  private static Optional<Instant> until(ImageFilters filters, Instant now)
      throws InvalidFilterException {
    List<String> values = filters.get("until");
    if (values.size() > 1) {
      throw new InvalidFilterException("more than one until filter specified");
    }
    if (values.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(FilterTimes.parse(values.get(0), now, ZoneId.systemDefault()));
  }

  /** docker's until and label filters of prune. */
  private static boolean matches(Image image, Optional<Instant> until, ImageFilters filters) {
    if (until.isPresent()
        && !ImageListing.createdTime(image).map(c -> !c.isAfter(until.get())).orElse(false)) {
      return false;
    }
    Map<String, String> labels = image.config().value().config().labels();
    return filters.matchKeyValues("label", labels)
        && !(filters.contains("label!") && filters.matchKeyValues("label!", labels));
  }

  private List<RemoveRecord> removeSkippingConflicts(String argument) throws IOException {
    try {
      return remove(argument, false, true);
    } catch (NoSuchImageException | ImageConflictException | InvalidReferenceException e) {
      // docker's prune skips images it may not delete, and refs an earlier removal took.
      return List.of();
    }
  }
}
