package io.jdock.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This process's temp dir {@code tmp/<pid>-<random>/}, on the store's filesystem so that files and
 * directories built in it can be renamed into place atomically. It is alive while its lock file
 * {@code tmp/<pid>-<random>.lock} is locked; {@link #removeDead} deletes the dirs of processes that
 * died (kill -9 included). The lock file is created and locked before the dir exists, so a dir
 * without a lock file is never in use.
 */
public final class TempSpace implements AutoCloseable {
  private static final String LOCK_SUFFIX = ".lock";
  private static final SecureRandom RANDOM = new SecureRandom();

  /**
   * Lock files held by this JVM: the cleaner never opens them, because closing any channel of a
   * file drops every lock the process holds on it. Guarded by {@link #JVM_WIDE} so that a cleaner
   * cannot open a file between its creation and its registration here.
   */
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private static final Object JVM_WIDE = new Object();

  private final Path dir;
  private final Path lockFile;
  private final FileChannel channel;
  private final AtomicLong counter = new AtomicLong();

  private TempSpace(Path dir, Path lockFile, FileChannel channel) {
    this.dir = dir;
    this.lockFile = lockFile;
    this.channel = channel;
  }

  /** Creates and locks a fresh temp dir under {@code tmpRoot}. */
  public static TempSpace create(Path tmpRoot) throws IOException {
    Files.createDirectories(tmpRoot);
    while (true) {
      String name = ProcessHandle.current().pid() + "-" + randomHex(8);
      Path lockFile = tmpRoot.resolve(name + LOCK_SUFFIX).toAbsolutePath().normalize();
      Optional<FileChannel> channel = createLocked(lockFile);
      if (channel.isEmpty()) {
        continue;
      }
      Path dir = tmpRoot.resolve(name);
      Files.createDirectory(dir);
      return new TempSpace(dir, lockFile, channel.get());
    }
  }

  /** The new, locked lock file's channel; empty if the name is taken or a cleaner got it first. */
  private static Optional<FileChannel> createLocked(Path lockFile) throws IOException {
    synchronized (JVM_WIDE) {
      FileChannel channel;
      try {
        channel =
            FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      } catch (FileAlreadyExistsException e) {
        return Optional.empty();
      }
      FileLock lock = channel.tryLock();
      // Another process's cleaner may have locked and deleted the new file before us.
      if (lock == null || !Files.exists(lockFile)) {
        channel.close();
        return Optional.empty();
      }
      HELD.add(lockFile);
      return Optional.of(channel);
    }
  }

  /**
   * Deletes the temp dirs under {@code tmpRoot} whose process is gone (their lock can be taken) and
   * returns them.
   */
  public static List<Path> removeDead(Path tmpRoot) throws IOException {
    List<Path> removed = new ArrayList<>();
    if (!Files.isDirectory(tmpRoot)) {
      return removed;
    }
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> listing = Files.newDirectoryStream(tmpRoot)) {
      listing.forEach(entries::add);
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (name.endsWith(LOCK_SUFFIX)) {
        Path dir = tmpRoot.resolve(name.substring(0, name.length() - LOCK_SUFFIX.length()));
        if (removeIfDead(entry, dir)) {
          removed.add(dir);
        }
      }
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      boolean orphan =
          !name.endsWith(LOCK_SUFFIX)
              && !removed.contains(entry)
              && Files.exists(entry, LinkOption.NOFOLLOW_LINKS)
              && !Files.exists(tmpRoot.resolve(name + LOCK_SUFFIX));
      if (orphan) {
        FileTrees.deleteRecursively(entry);
        removed.add(entry);
      }
    }
    return removed;
  }

  private static boolean removeIfDead(Path lockFile, Path dir) throws IOException {
    synchronized (JVM_WIDE) {
      if (HELD.contains(lockFile.toAbsolutePath().normalize())) {
        return false;
      }
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
        FileLock lock = channel.tryLock();
        if (lock == null) {
          return false;
        }
        FileTrees.deleteRecursively(dir);
        Files.deleteIfExists(lockFile);
        return true;
      } catch (NoSuchFileException | OverlappingFileLockException e) {
        return false;
      }
    }
  }

  /** A fresh path in this temp dir (nothing is created). */
  public Path newPath(String prefix) {
    return dir.resolve(prefix + "-" + counter.incrementAndGet());
  }

  /** A fresh, empty directory in this temp dir. */
  public Path newDir(String prefix) throws IOException {
    return Files.createDirectory(newPath(prefix));
  }

  /** Writes {@code content} to {@code target} atomically: temp file, fsync, rename, fsync dir. */
  public void writeAtomically(Path target, byte[] content) throws IOException {
    Path temp = newPath("write");
    try {
      try (FileChannel out =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buffer = ByteBuffer.wrap(content);
        while (buffer.hasRemaining()) {
          out.write(buffer);
        }
        out.force(true);
      }
      Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      FileTrees.fsyncDir(target.getParent());
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Removes a file or tree without ever leaving a partial one in place: it is first renamed into
   * this temp dir (atomic), then deleted. Returns false if {@code path} did not exist.
   */
  public boolean discard(Path path) throws IOException {
    Optional<Path> trash = moveAside(path);
    if (trash.isPresent()) {
      FileTrees.deleteRecursively(trash.get());
    }
    return trash.isPresent();
  }

  /**
   * Renames a file or tree into this temp dir (atomic) and returns where it went, for deleting it
   * later (outside a lock); empty if {@code path} did not exist. What is left there when the
   * process dies is removed with its temp dir.
   */
  public Optional<Path> moveAside(Path path) throws IOException {
    Path trash = newPath("discard");
    try {
      Files.move(path, trash, StandardCopyOption.ATOMIC_MOVE);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    return Optional.of(trash);
  }

  /** This temp dir. */
  public Path dir() {
    return dir;
  }

  /** Deletes the temp dir and releases its lock. */
  @Override
  public void close() throws IOException {
    try {
      FileTrees.deleteRecursively(dir);
      Files.deleteIfExists(lockFile);
    } finally {
      synchronized (JVM_WIDE) {
        HELD.remove(lockFile);
        channel.close();
      }
    }
  }

  private static String randomHex(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }
}
