package io.jdock.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Mount records ({@code mounts/<name>/}): create, update, remove under the store lock; queries. */
public final class MountStore {
  private final StorePaths paths;
  private final StoreLock storeLock;
  private final RecordDir<MountRecord> records;

  MountStore(StorePaths paths, StoreLock storeLock, TempSpace temp) {
    this.paths = paths;
    this.storeLock = storeLock;
    this.records = new RecordDir<>(paths.mountsDir(), MountRecord.class, temp);
  }

  /** Where a mount's default upper dir is ({@code mounts/<name>/upper}). */
  public Path upperDir(String name) {
    return paths.mountUpper(name);
  }

  /**
   * Stores a new mount record (and creates the empty {@code mounts/<name>/upper}); the name must be
   * free, and no active mount may use the mountpoint.
   */
  public void create(MountRecord record) throws IOException, RecordConflictException {
    try (StoreLock.Held lock = storeLock.exclusive()) {
      for (MountRecord other : records.list()) {
        if (other.name().equals(record.name())) {
          throw new RecordConflictException("mount " + record.name() + " already exists");
        }
        if (other.mountpoint().equals(record.mountpoint()) && other.isActive()) {
          throw new RecordConflictException(
              other.mountpoint() + " is already a jdock mount (" + other.name() + ")");
        }
      }
      records.create(record.name(), record);
    }
  }

  /** Applies {@code change} to a stored record and stores the result; false if there is none. */
  public Optional<MountRecord> update(String name, UnaryOperator<MountRecord> change)
      throws IOException {
    try (StoreLock.Held lock = storeLock.exclusive()) {
      Optional<MountRecord> current = records.get(name);
      if (current.isEmpty()) {
        return current;
      }
      MountRecord updated = change.apply(current.get());
      if (!updated.name().equals(name)) {
        throw new IllegalArgumentException("a mount update cannot change its name");
      }
      records.replace(name, updated);
      return Optional.of(updated);
    }
  }

  /** Removes a mount's record and its dir (with the default upper dir); false if there was none. */
  public boolean remove(String name) throws IOException {
    Optional<Path> aside;
    try (StoreLock.Held lock = storeLock.exclusive()) {
      aside = records.moveAside(name);
    }
    if (aside.isPresent()) {
      FileTrees.deleteRecursively(aside.get());
    }
    return aside.isPresent();
  }

  public Optional<MountRecord> get(String name) throws IOException {
    return MountRecord.isValidName(name) ? records.get(name) : Optional.empty();
  }

  /** The mount at this mountpoint (an active one first). */
  public Optional<MountRecord> atMountpoint(Path mountpoint) throws IOException {
    Path wanted = mountpoint.toAbsolutePath().normalize();
    return list().stream()
        .filter(m -> m.mountpoint().toAbsolutePath().normalize().equals(wanted))
        .sorted(java.util.Comparator.comparing(m -> !m.isActive()))
        .findFirst();
  }

  /** Every mount, by name. */
  public List<MountRecord> list() throws IOException {
    return records.list();
  }
}
