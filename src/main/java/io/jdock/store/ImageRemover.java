package io.jdock.store;

import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code rmi} and {@code image prune} with docker's rules (reference doc section 1.5). Each removal
 * is one index transaction; the content it frees is then garbage-collected, unless another process
 * is writing content at that moment, in which case the next collection takes it.
 */
public final class ImageRemover {
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
    List<Image> images = store.images();
    Set<Digest> parents = new HashSet<>();
    images.forEach(i -> i.parent().ifPresent(parents::add));
    Set<Digest> used = new HashSet<>();
    store.containers().list().forEach(c -> used.add(c.imageId()));
    List<RemoveRecord> records = new ArrayList<>();
    for (Image image : images) {
      boolean hasChildren = parents.contains(image.id());
      if ((!all && hasChildren) || (image.isDangling() && hasChildren)) {
        continue;
      }
      if (all && used.contains(image.id())) {
        continue;
      }
      if (image.isDangling()) {
        records.addAll(removeSkippingConflicts(image.id().hex()));
      } else if (all || image.repoTags().isEmpty()) {
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

  private List<RemoveRecord> removeSkippingConflicts(String argument) throws IOException {
    try {
      return remove(argument, false, true);
    } catch (NoSuchImageException | ImageConflictException | InvalidReferenceException e) {
      // docker's prune skips images it may not delete, and refs an earlier removal took.
      return List.of();
    }
  }
}
