package io.jdock.store;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A shared/exclusive lock on one file of {@code locks/}, held across the threads of this JVM and
 * across processes. Java file locks belong to the whole JVM (and closing any channel of the file
 * drops them all), so one instance per file is kept for the life of the JVM: an in-process
 * readers/owner count decides who may hold it, and the first reader or the owner takes the file
 * lock. Readers are preferred, so a thread that holds a shared lock while other threads add shared
 * holds never deadlocks behind a waiting writer. Exclusive holds are reentrant for their thread; a
 * thread must not ask for an exclusive hold while it holds a shared one.
 */
public final class StoreLock {
  private static final ConcurrentHashMap<Path, StoreLock> LOCKS = new ConcurrentHashMap<>();

  private final Path file;
  private FileChannel channel;
  private FileLock fileLock;
  private int readers;
  private Thread owner;
  private int ownerHolds;

  private StoreLock(Path file) {
    this.file = file;
  }

  /** The lock of {@code file} (created on first use), shared by every caller in this JVM. */
  public static StoreLock of(Path file) {
    return LOCKS.computeIfAbsent(file.toAbsolutePath().normalize(), StoreLock::new);
  }

  /** A hold on the lock; closing it releases the hold (once). */
  public interface Held extends AutoCloseable {
    @Override
    void close();
  }

  /** Waits for and takes a shared hold. */
  public synchronized Held shared() throws IOException {
    if (owner == Thread.currentThread()) {
      ownerHolds++;
      return hold(this::releaseExclusive);
    }
    while (owner != null) {
      await();
    }
    if (readers == 0) {
      fileLock = channel().lock(0, Long.MAX_VALUE, true);
    }
    readers++;
    return hold(this::releaseShared);
  }

  /** Waits for and takes an exclusive hold. */
  public synchronized Held exclusive() throws IOException {
    if (owner == Thread.currentThread()) {
      ownerHolds++;
      return hold(this::releaseExclusive);
    }
    while (owner != null || readers > 0) {
      await();
    }
    fileLock = channel().lock();
    owner = Thread.currentThread();
    ownerHolds = 1;
    return hold(this::releaseExclusive);
  }

  /** An exclusive hold if one can be had without waiting. */
  public synchronized Optional<Held> tryExclusive() throws IOException {
    if (owner == Thread.currentThread()) {
      ownerHolds++;
      return Optional.of(hold(this::releaseExclusive));
    }
    if (owner != null || readers > 0) {
      return Optional.empty();
    }
    FileLock taken = channel().tryLock();
    if (taken == null) {
      return Optional.empty();
    }
    fileLock = taken;
    owner = Thread.currentThread();
    ownerHolds = 1;
    return Optional.of(hold(this::releaseExclusive));
  }

  private synchronized void releaseShared() {
    if (--readers == 0) {
      releaseFileLock();
    }
  }

  private synchronized void releaseExclusive() {
    if (--ownerHolds == 0) {
      owner = null;
      releaseFileLock();
    }
  }

  private void releaseFileLock() {
    try {
      fileLock.release();
    } catch (IOException e) {
      // The channel is broken: closing it is the only way left to drop the lock.
      closeChannel();
    }
    fileLock = null;
    notifyAll();
  }

  private FileChannel channel() throws IOException {
    if (channel == null || !channel.isOpen()) {
      // An interrupt during lock() closes the channel; nobody held the lock then, so reopen.
      Files.createDirectories(file.getParent());
      channel =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }
    return channel;
  }

  private void closeChannel() {
    try {
      channel.close();
    } catch (IOException ignored) {
      // Nothing more can be done with a channel that does not close.
    }
  }

  private void await() throws InterruptedIOException {
    try {
      wait();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for lock " + file);
    }
  }

  private static Held hold(Runnable release) {
    AtomicBoolean open = new AtomicBoolean(true);
    return () -> {
      if (open.getAndSet(false)) {
        release.run();
      }
    };
  }

  @Override
  public String toString() {
    return "lock " + file;
  }
}
