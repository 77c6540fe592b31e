package io.jdock.container;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The lock the one process running a container holds for as long as it runs it (the kernel drops it
 * when that process dies, however it dies): two starts cannot race, and a record that says
 * "running" while nobody holds the lock is stale.
 */
final class OwnerLock implements AutoCloseable {
  private final FileChannel channel;
  private final FileLock lock;

  private OwnerLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /** Takes the lock, or empty if another process (or this one) holds it. */
  static Optional<OwnerLock> tryAcquire(Path file) throws IOException {
    FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      FileLock l = ch.tryLock();
      if (l == null) {
        ch.close();
        return Optional.empty();
      }
      return Optional.of(new OwnerLock(ch, l));
    } catch (OverlappingFileLockException e) {
      ch.close();
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** True if some process holds the lock of FILE now. */
  static boolean isHeld(Path file) throws IOException {
    if (!file.toFile().exists()) {
      return false;
    }
    Optional<OwnerLock> l = tryAcquire(file);
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
    }
  }
}
