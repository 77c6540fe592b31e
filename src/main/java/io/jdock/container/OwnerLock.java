package io.jdock.container;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock the one process running a container holds for as long as it runs it (the kernel drops it
 * when that process dies, however it dies): two starts cannot race, and a record that says
 * "running" while nobody holds the lock is stale. Java file locks belong to the whole JVM and
 * closing any channel of the file drops them, so locks held here are also remembered here and their
 * files never probed again by this JVM.
 */
final class OwnerLock implements AutoCloseable {
  private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private OwnerLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock, or empty if another process (or this one) holds it. */
  static Optional<OwnerLock> tryAcquire(Path file) throws IOException {
    Path key = file.toAbsolutePath().normalize();
    if (!HELD.add(key)) {
      return Optional.empty();
    }
    try {
      FileChannel ch = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (IOException | RuntimeException e) {
        ch.close();
        throw e;
      }
      if (l == null) {
        ch.close();
        HELD.remove(key);
        return Optional.empty();
      }
      return Optional.of(new OwnerLock(key, ch, l));
    } catch (IOException | RuntimeException e) {
      HELD.remove(key);
      throw e;
    }
  }

  /** True if some process (this one included) holds the lock of FILE now. */
  static boolean isHeld(Path file) throws IOException {
    Path key = file.toAbsolutePath().normalize();
    if (HELD.contains(key)) {
      return true;
    }
    if (!Files.exists(key)) {
      return false;
    }
    Optional<OwnerLock> l;
    try {
      l = tryAcquire(key);
    } catch (java.nio.file.NoSuchFileException gone) {
      return false;
    }
    l.ifPresent(OwnerLock::close);
    return l.isEmpty();
  }

  @Override
  public void close() {
    try {
      lock.release();
      channel.close();
    } catch (IOException e) {
      // closing the channel releases the lock in any case
    } finally {
      HELD.remove(file);
    }
  }
}
