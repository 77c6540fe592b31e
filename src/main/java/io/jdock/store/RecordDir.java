package io.jdock.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A directory of records, one subdirectory per key holding {@code record.json} (and, for containers
 * and mounts, the {@code upper/} dir). A record dir is built in the temp dir and renamed into
 * place, so it is never seen half made; a record is replaced atomically; removal renames the dir
 * away before deleting it. Callers hold the store lock for every change.
 */
final class RecordDir<T> {
  private final Path dir;
  private final Class<T> type;
  private final TempSpace temp;

  RecordDir(Path dir, Class<T> type, TempSpace temp) {
    this.dir = dir;
    this.type = type;
    this.temp = temp;
  }

  /** Every readable record, sorted by key. Dirs without a readable record are skipped. */
  List<T> list() throws IOException {
    List<T> records = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return records;
    }
    List<String> keys = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      entries.forEach(e -> keys.add(e.getFileName().toString()));
    }
    keys.sort(null);
    for (String key : keys) {
      readQuietly(key).ifPresent(records::add);
    }
    return records;
  }

  private Optional<T> readQuietly(String key) {
    try {
      return get(key);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** The record of {@code key}, if there is one. */
  Optional<T> get(String key) throws IOException {
    try {
      byte[] raw = Files.readAllBytes(recordFile(key));
      return Optional.of(RecordJson.read(raw, type, recordFile(key).toString()));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Creates the record dir of {@code key} with its record and an empty {@code upper/} dir. */
  void create(String key, T record) throws IOException {
    Path work = temp.newDir("record");
    try {
      temp.writeAtomically(work.resolve(StorePaths.RECORD_FILE), RecordJson.write(record));
      Files.createDirectory(work.resolve(StorePaths.UPPER_DIR));
      Files.createDirectories(dir);
      Files.move(work, dir.resolve(key), StandardCopyOption.ATOMIC_MOVE);
      FileTrees.fsyncDir(dir);
    } finally {
      FileTrees.deleteRecursively(work);
    }
  }

  /** Replaces the record of an existing key. */
  void replace(String key, T record) throws IOException {
    temp.writeAtomically(recordFile(key), RecordJson.write(record));
  }

  /**
   * Takes the record dir of {@code key} out of the store (an atomic rename into the temp dir) and
   * returns where it went, for the caller to delete once it has released the store lock.
   */
  Optional<Path> moveAside(String key) throws IOException {
    return temp.moveAside(dir.resolve(key));
  }

  private Path recordFile(String key) {
    return dir.resolve(key).resolve(StorePaths.RECORD_FILE);
  }
}
