package io.jdock.store;

import io.jdock.layer.LayerInfo;
import io.jdock.oci.ChainId;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * docker's rmi of one argument (moby daemon/images/image_delete.go ImageDelete, reference doc
 * section 1.5), applied to an index transaction: untag by reference or delete by ID, conflicts
 * checked in docker's order, digest references of the repository dropped with its last tag, and
 * untagged parents pruned quietly.
 */
final class ImageDeletion {
  private static final int CHILD = 1;
  private static final int RUNNING = 2;
  private static final int ACTIVE_REFERENCE = 4;
  private static final int STOPPED = 8;
  private static final int HARD = CHILD | RUNNING;
  private static final int SOFT = ACTIVE_REFERENCE | STOPPED;

  private final IndexEditor index;
  private final ManifestCache manifests;
  private final List<ContainerRecord> containers;
  private final List<Digest> recordManifests;
  private final LayerStore layers;
  private final BlobStore blobs;
  private final List<RemoveRecord> records = new ArrayList<>();

  ImageDeletion(
      IndexTransaction tx,
      List<ContainerRecord> containers,
      List<Digest> recordManifests,
      LayerStore layers,
      BlobStore blobs) {
    this.index = tx.index();
    this.manifests = tx.manifests();
    this.containers = containers;
    this.recordManifests = recordManifests;
    this.layers = layers;
    this.blobs = blobs;
  }

  /** Removes what {@code argument} names; returns docker's records, in docker's order. */
  List<RemoveRecord> delete(String argument, boolean force, boolean prune)
      throws NoSuchImageException, ImageConflictException, InvalidReferenceException, IOException {
    Digest id =
        ImageLookup.resolve(argument, index::imageOf, index.imageIds())
            .orElseThrow(() -> new NoSuchImageException(ImageLookup.notFoundMessage(argument)));
    List<ImageReference> repoRefs = index.refsOf(id);
    boolean removedRepositoryRef = false;
    if (!ImageLookup.isIdPrefix(id, argument)) {
      if (!force && isSingleReference(repoRefs)) {
        Optional<ContainerRecord> user = firstContainer(id, c -> true);
        if (user.isPresent()) {
          throw new ImageConflictException(
              "conflict: unable to remove repository reference "
                  + goQuote(argument)
                  + " (must force) - container "
                  + user.get().shortId()
                  + " is using its referenced image "
                  + id.shortHex(),
              false);
        }
      }
      if (!untagReference(id, RefNames.normalize(ImageReference.parse(argument)))) {
        return records;
      }
      removedRepositoryRef = true;
    } else if (isSingleReference(repoRefs)) {
      Optional<Conflict> conflict = check(id, HARD | (force ? 0 : SOFT & ~ACTIVE_REFERENCE));
      if (conflict.isPresent()) {
        throw conflict.get().exception();
      }
      untagAll(id);
    }
    deleteImage(id, force, prune, removedRepositoryRef);
    return records;
  }

  /**
   * Removes the reference, and the repository's digest references if it was its last tag. Returns
   * true if the image has no references left.
   */
  private boolean untagReference(Digest id, ImageReference ref) {
    index.removeRef(ref);
    records.add(new RemoveRecord.Untagged(ref));
    if (ref.digest().isEmpty()) {
      List<ImageReference> remaining = index.refsOf(id);
      boolean repoKeepsTag =
          remaining.stream().anyMatch(r -> r.digest().isEmpty() && r.name().equals(ref.name()));
      if (!repoKeepsTag) {
        for (ImageReference other : remaining) {
          if (other.digest().isPresent() && other.name().equals(ref.name())) {
            index.removeRef(other);
            records.add(new RemoveRecord.Untagged(other));
          }
        }
      }
    }
    return index.refsOf(id).isEmpty();
  }

  private void untagAll(Digest id) {
    for (ImageReference ref : index.refsOf(id)) {
      index.removeRef(ref);
      records.add(new RemoveRecord.Untagged(ref));
    }
  }

  /** docker's imageDeleteHelper. */
  private void deleteImage(Digest id, boolean force, boolean prune, boolean quiet)
      throws ImageConflictException, IOException {
    Optional<Conflict> conflict = check(id, HARD | (force ? 0 : SOFT));
    if (conflict.isPresent()) {
      if (quiet && (!isDangling(id) || conflict.get().used())) {
        return;
      }
      throw conflict.get().exception();
    }
    Optional<Digest> parent = parentOf(id);
    untagAll(id);
    Optional<ManifestCache.Content> content =
        index.entriesOf(id).stream().findFirst().flatMap(manifests::get);
    index.removeImage(id);
    records.add(new RemoveRecord.DeletedImage(id));
    if (content.isPresent()) {
      records.addAll(removedLayers(content.get()));
    }
    if (prune && parent.isPresent() && index.imageIds().contains(parent.get())) {
      deleteImage(parent.get(), false, true, true);
    }
  }

  private Optional<Conflict> check(Digest id, int mask) {
    if ((mask & CHILD) != 0 && !children(id).isEmpty()) {
      return Optional.of(new Conflict(id, true, false, "image has dependent child images"));
    }
    if ((mask & RUNNING) != 0) {
      Optional<ContainerRecord> running = firstContainer(id, ContainerRecord::isRunning);
      if (running.isPresent()) {
        return Optional.of(
            new Conflict(
                id,
                true,
                true,
                "image is being used by running container " + running.get().shortId()));
      }
    }
    if ((mask & ACTIVE_REFERENCE) != 0 && !index.refsOf(id).isEmpty()) {
      return Optional.of(
          new Conflict(id, false, false, "image is referenced in multiple repositories"));
    }
    if ((mask & STOPPED) != 0) {
      Optional<ContainerRecord> stopped = firstContainer(id, c -> !c.isRunning());
      if (stopped.isPresent()) {
        return Optional.of(
            new Conflict(
                id,
                false,
                true,
                "image is being used by stopped container " + stopped.get().shortId()));
      }
    }
    return Optional.empty();
  }

  private Optional<ContainerRecord> firstContainer(Digest id, Predicate<ContainerRecord> test) {
    return containers.stream().filter(c -> c.imageId().equals(id) && test.test(c)).findFirst();
  }

  /**
   * docker's isSingleReference: at most one tag, and every reference (digest ones included) in the
   * tag's repository.
   */
  static boolean isSingleReference(List<ImageReference> refs) {
    if (refs.size() <= 1) {
      return refs.size() == 1;
    }
    ImageReference single = null;
    Set<String> digestRepos = new HashSet<>();
    for (ImageReference ref : refs) {
      if (ref.digest().isPresent()) {
        digestRepos.add(ref.name());
      } else if (single == null) {
        single = ref;
      } else {
        return false;
      }
    }
    String name = (single != null ? single : refs.get(0)).name();
    return digestRepos.size() == 1 && digestRepos.contains(name);
  }

  private List<Digest> children(Digest id) {
    return index.imageIds().stream().filter(i -> parentOf(i).equals(Optional.of(id))).toList();
  }

  private Optional<Digest> parentOf(Digest id) {
    return Optional.ofNullable(index.jdockAnnotationsOf(id).get(ImageAnnotations.PARENT))
        .filter(Digest::isValid)
        .map(Digest::parse);
  }

  private boolean isDangling(Digest id) {
    return index.refsOf(id).isEmpty() && children(id).isEmpty();
  }

  /**
   * The image's layers, top first, that nothing left uses and that the store has; each reported by
   * its chain ID, as docker's graph driver names the layers it deletes.
   */
  private List<RemoveRecord> removedLayers(ManifestCache.Content removed) throws IOException {
    Set<Digest> inUse = new HashSet<>();
    for (Descriptor entry : index.result().manifests()) {
      manifests.get(entry).ifPresent(c -> inUse.addAll(c.diffIds()));
    }
    recordManifests.forEach(m -> manifests.get(m).ifPresent(c -> inUse.addAll(c.diffIds())));
    List<RemoveRecord> result = new ArrayList<>();
    List<Digest> diffIds = removed.diffIds();
    List<Digest> chainIds = ChainId.of(diffIds);
    for (int i = diffIds.size() - 1; i >= 0; i--) {
      Digest diffId = diffIds.get(i);
      Optional<Descriptor> blob =
          i < removed.layers().size() ? Optional.of(removed.layers().get(i)) : Optional.empty();
      boolean stored = layers.has(diffId) || blob.map(b -> blobs.has(b.digest())).orElse(false);
      // add() also keeps a layer listed twice in one image from being reported twice.
      if (stored && inUse.add(diffId)) {
        long blobSize = blob.map(Descriptor::size).orElse(0L);
        long size = layers.info(diffId).map(LayerInfo::contentSize).orElse(blobSize);
        result.add(new RemoveRecord.DeletedLayer(diffId, chainIds.get(i), size));
      }
    }
    return result;
  }

  private static String goQuote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  /** A reason not to delete an image (docker's imageDeleteConflict). */
  private record Conflict(Digest image, boolean hard, boolean used, String reason) {
    ImageConflictException exception() {
      return new ImageConflictException(
          "conflict: unable to delete "
              + image.shortHex()
              + " ("
              + (hard ? "cannot be forced" : "must be forced")
              + ") - "
              + reason,
          hard);
    }
  }
}
