package io.jdock.store;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Container records ({@code containers/<id>/}): create, update, remove under the store lock, and
 * docker's lookups (full ID, then name, then unique ID prefix). Running containers are the caller's
 * business; this is persistence only.
 */
public final class ContainerStore {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final StorePaths paths;
  private final StoreLock storeLock;
  private final RecordDir<ContainerRecord> records;

  ContainerStore(StorePaths paths, StoreLock storeLock, TempSpace temp) {
    this.paths = paths;
    this.storeLock = storeLock;
    this.records = new RecordDir<>(paths.containersDir(), ContainerRecord.class, temp);
  }

  /** A fresh random container ID (64 hex). */
  public static String newId() {
    byte[] b = new byte[32];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /** Where a container's upper dir is ({@code containers/<id>/upper}). */
  public Path upperDir(String id) {
    return paths.containerUpper(id);
  }

  /** Stores a new container (and creates its empty upper dir); its name must be free. */
  public void create(ContainerRecord record) throws IOException, RecordConflictException {
    try (StoreLock.Held lock = storeLock.exclusive()) {
      for (ContainerRecord other : records.list()) {
        if (other.name().equals(record.name())) {
          throw new RecordConflictException(
              "Conflict. The container name \"/"
                  + record.name()
                  + "\" is already in use by"
                  + " container \""
                  + other.id()
                  + "\". You have to remove (or rename) that"
                  + " container to be able to reuse that name.");
        }
        if (other.id().equals(record.id())) {
          throw new RecordConflictException("container " + record.id() + " already exists");
        }
      }
      records.create(record.id(), record);
    }
  }

  /** Applies {@code change} to a stored record and stores the result. */
  public ContainerRecord update(String id, UnaryOperator<ContainerRecord> change)
      throws IOException, NoSuchContainerException {
    try (StoreLock.Held lock = storeLock.exclusive()) {
      ContainerRecord current = records.get(id).orElseThrow(() -> new NoSuchContainerException(id));
      ContainerRecord updated = change.apply(current);
      if (!updated.id().equals(id)) {
        throw new IllegalArgumentException("a container update cannot change its ID");
      }
      records.replace(id, updated);
      return updated;
    }
  }

  /** Removes a container's record and upper dir. */
  public void remove(String id) throws IOException, NoSuchContainerException {
    Optional<Path> aside;
    try (StoreLock.Held lock = storeLock.exclusive()) {
      aside = records.moveAside(id);
    }
    if (aside.isEmpty()) {
      throw new NoSuchContainerException(id);
    }
    FileTrees.deleteRecursively(aside.get());
  }

  /** The container with this full ID. */
  public Optional<ContainerRecord> get(String id) throws IOException {
    return ContainerRecord.isValidId(id) ? records.get(id) : Optional.empty();
  }

  /** docker's lookup: full ID, then name ({@code /name} accepted), then unique ID prefix. */
  public Optional<ContainerRecord> find(String idOrName)
      throws IOException, AmbiguousPrefixException {
    Optional<ContainerRecord> byId = get(idOrName);
    if (byId.isPresent() || idOrName.isEmpty()) {
      return byId;
    }
    List<ContainerRecord> all = list();
    String name = idOrName.startsWith("/") ? idOrName.substring(1) : idOrName;
    Optional<ContainerRecord> byName = all.stream().filter(c -> c.name().equals(name)).findFirst();
    if (byName.isPresent()) {
      return byName;
    }
    List<ContainerRecord> byPrefix = all.stream().filter(c -> c.id().startsWith(idOrName)).toList();
    if (byPrefix.size() > 1) {
      throw new AmbiguousPrefixException(idOrName);
    }
    return byPrefix.stream().findFirst();
  }

  /** The bytes a container's upper dir takes ({@code system df -v}); 0 when it has none. */
  public long upperSize(ContainerRecord record) throws IOException {
    return FileTrees.sizeOf(record.upperDir());
  }

  /** Every container, by ID. */
  public List<ContainerRecord> list() throws IOException {
    return records.list();
  }
}
