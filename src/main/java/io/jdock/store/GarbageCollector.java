package io.jdock.store;

import io.jdock.oci.Digest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Garbage collection: under the exclusive gc lock (so no process is writing content for an image it
 * has not registered yet) and the store lock, deletes the blobs nothing reaches (see {@link
 * Reachability}) and the extracted layers whose diff_id no remaining image, container or mount
 * uses. Layer dirs are renamed aside under the lock and deleted after it is released.
 */
final class GarbageCollector {
  private final ImageStore store;

  GarbageCollector(ImageStore store) {
    this.store = store;
  }

  /** Waits for the gc lock, then collects. */
  GcResult collect() throws IOException {
    try (StoreLock.Held gc = store.gcLock().exclusive()) {
      return collectHoldingGcLock();
    }
  }

  /** Collects unless another process holds the gc lock (it is writing content). */
  Optional<GcResult> collectIfIdle() throws IOException {
    Optional<StoreLock.Held> gc = store.gcLock().tryExclusive();
    if (gc.isEmpty()) {
      return Optional.empty();
    }
    try (StoreLock.Held held = gc.get()) {
      return Optional.of(collectHoldingGcLock());
    }
  }

  private GcResult collectHoldingGcLock() throws IOException {
    List<Digest> deletedBlobs = new ArrayList<>();
    List<Digest> deletedLayers = new ArrayList<>();
    List<Path> aside = new ArrayList<>();
    try (StoreLock.Held lock = store.storeLock().exclusive()) {
      Reachability live = liveContent();
      for (Digest blob : store.blobs().list()) {
        if (!live.blobs().contains(blob) && store.blobs().delete(blob)) {
          deletedBlobs.add(blob);
        }
      }
      for (Digest diffId : store.layers().list()) {
        if (!live.diffIds().contains(diffId)) {
          Optional<Path> moved = store.layers().moveAside(diffId);
          moved.ifPresent(aside::add);
          moved.ifPresent(p -> deletedLayers.add(diffId));
        }
      }
    }
    for (Path path : aside) {
      FileTrees.deleteRecursively(path);
    }
    return new GcResult(deletedBlobs, deletedLayers);
  }

  private Reachability liveContent() throws IOException {
    List<Digest> recordManifests =
        Stream.concat(
                store.containers().list().stream().map(ContainerRecord::manifestDigest),
                store.mounts().list().stream().map(MountRecord::manifestDigest))
            .toList();
    return new Reachability(store.blobs(), store.manifestCache())
        .walk(store.indexFile().read().manifests(), recordManifests);
  }
}
