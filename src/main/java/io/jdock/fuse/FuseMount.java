package io.jdock.fuse;

import io.jdock.sys.Posix;
import io.jdock.union.FileSystem;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A {@link FileSystem} mounted with FUSE and served by worker threads speaking the kernel protocol
 * on /dev/fuse (include/uapi/linux/fuse.h). {@link #mount} returns once the mount answers; {@link
 * #close} unmounts and waits for the workers; {@link #awaitUnmounted} waits until someone else
 * unmounts it.
 */
public final class FuseMount implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(FuseMount.class.getName());

  /** Guards against a kernel that never sends INIT; a healthy one does so at once. */
  private static final long INIT_TIMEOUT_SECONDS = 30;

  /** How long close() waits for workers busy in file system calls once the mount is gone. */
  private static final long STOP_TIMEOUT_SECONDS = 10;

  private final Path mountpoint;
  private final Session session;
  private final Mounter mounter;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Thread shutdownHook;
  private volatile boolean detached;

  private FuseMount(Path mountpoint, Session session, Mounter mounter) {
    this.mountpoint = mountpoint;
    this.session = session;
    this.mounter = mounter;
  }

  /**
   * Mounts {@code fs} on {@code mountpoint} and serves it until {@link #close} or an external
   * unmount. Fails with a one-line message when FUSE is missing, the mountpoint is missing, not a
   * directory or already a mount, or permission is denied.
   */
  public static FuseMount mount(FileSystem fs, Path mountpoint, MountOptions options)
      throws MountException {
    MountTarget target = MountTarget.check(mountpoint);
    Mounter mounter = Mounter.of(options.mechanism());
    int fd = mounter.mount(target, options);
    Session session = new Session(fs, options, fd, String.valueOf(target.path().getFileName()));
    session.start();
    FuseMount m = new FuseMount(target.path(), session, mounter);
    if (options.unmountOnExit()) {
      m.shutdownHook = new Thread(m::closeQuietly, "jdock-fuse-unmount-" + target.path());
      Runtime.getRuntime().addShutdownHook(m.shutdownHook);
    }
    try {
      m.awaitReady(target);
    } catch (MountException e) {
      m.closeQuietly();
      throw e;
    }
    return m;
  }

  private void awaitReady(MountTarget target) throws MountException {
    Optional<String> failure;
    try {
      failure = session.awaitInit(INIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MountException("interrupted while mounting on " + mountpoint, e);
    }
    if (failure.isPresent()) {
      throw new MountException("mounting on " + mountpoint + ": " + failure.get());
    }
    target.confirmServed();
  }

  /**
   * Checks that {@code mountpoint} can be mounted on now, with the one-line failures of {@link
   * #mount}: FUSE missing, the mountpoint missing, not a directory, already a mount point, or a
   * stale mount whose server died.
   */
  public static void checkMountpoint(Path mountpoint) throws MountException {
    MountTarget.check(mountpoint);
  }

  /** True when DIR (absolute) is a mount point now, of any kind (from /proc/self/mountinfo). */
  public static boolean isMountPoint(Path dir) throws java.io.IOException {
    return MountTable.isMountPoint(dir.toAbsolutePath().normalize());
  }

  /** The absolute mount point. */
  public Path mountpoint() {
    return mountpoint;
  }

  /** Whether the kernel still has the connection open. */
  public boolean isMounted() {
    return !session.isStopped();
  }

  /** Blocks until the mount is gone (closed, or unmounted by umount or fusermount3 -u). */
  public void awaitUnmounted() throws InterruptedException {
    session.awaitStopped();
  }

  /**
   * Unmounts and waits for the workers to finish. A busy mount is forced as root (its users get
   * ENOTCONN); through fusermount3 it is detached lazily and served until its last user lets go,
   * without waiting. Safe to call more than once, from a shutdown hook, or from a worker thread.
   */
  @Override
  public void close() throws MountException {
    if (closed.compareAndSet(false, true)) {
      removeShutdownHook();
      if (!session.isStopped() && !mounter.release(mountpoint)) {
        detached = true;
        LOG.info(mountpoint + " is detached; it is served until its last user lets go");
      }
    }
    if (detached || session.isWorker(Thread.currentThread())) {
      return;
    }
    try {
      if (!session.awaitStopped(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warning("FUSE workers of " + mountpoint + " are still busy after unmount");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (MountException e) {
      LOG.log(Level.WARNING, e.getMessage(), e);
    }
  }

  private void removeShutdownHook() {
    Thread hook = shutdownHook;
    if (hook != null && hook != Thread.currentThread()) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or about to; close() is idempotent
      }
    }
  }

  /**
   * Unmounts any FUSE mount, including a stale one whose server died (ENOTCONN): umount2(2) as root
   * ({@code lazy}: MNT_DETACH), else {@code fusermount3 -u [-z]}.
   */
  public static void unmount(Path mountpoint, boolean lazy) throws MountException {
    Path abs = mountpoint.toAbsolutePath().normalize();
    Mounter m = Posix.geteuid() == 0 ? new KernelMounter() : new Fusermount();
    m.unmount(abs, lazy);
  }
}
