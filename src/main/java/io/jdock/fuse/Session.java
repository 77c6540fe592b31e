package io.jdock.fuse;

import io.jdock.sys.ErrnoException;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import io.jdock.union.FileSystem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One FUSE connection being served: the /dev/fuse descriptors (the mount's own and its clones), the
 * worker threads, and what the kernel told us (INIT, DESTROY, the end of the connection). The file
 * system's {@code destroy()} runs once, when DESTROY arrives or the last worker stops.
 */
final class Session implements Dispatcher.Events {
  private static final Logger LOG = Logger.getLogger(Session.class.getName());

  private final FileSystem fs;
  private final MountOptions options;
  private final int deviceFd;
  private final String name;
  private final Dispatcher dispatcher;
  private final List<Thread> threads = new ArrayList<>();
  private final List<Integer> fds = new ArrayList<>();
  private final CountDownLatch init = new CountDownLatch(1);
  private final AtomicBoolean destroyed = new AtomicBoolean();
  private volatile CountDownLatch stopped = new CountDownLatch(0);
  private volatile String refusal;
  private volatile boolean agreed;

  Session(FileSystem fs, MountOptions options, int deviceFd, String name) {
    this.fs = fs;
    this.options = options;
    this.deviceFd = deviceFd;
    this.name = name;
    this.dispatcher = new Dispatcher(fs, this, options.maxWrite(), options.writebackCache());
  }

  /** Starts the workers, each on its own clone of the device when the kernel allows it. */
  synchronized void start() {
    int n = options.threads();
    stopped = new CountDownLatch(n);
    fds.add(deviceFd);
    for (int i = 0; i < n; i++) {
      int fd = i == 0 ? deviceFd : cloneOrShare();
      Thread t = new Thread(() -> serve(fd), "jdock-fuse-" + name + "-" + i);
      t.setDaemon(true);
      threads.add(t);
    }
    threads.forEach(Thread::start);
  }

  private int cloneOrShare() {
    if (!options.cloneDevice()) {
      return deviceFd;
    }
    int clone = -1;
    try {
      clone = Posix.open("/dev/fuse", OpenFlags.O_RDWR | OpenFlags.O_CLOEXEC, 0);
      Posix.ioctlInt(clone, Abi.DEV_IOC_CLONE, deviceFd);
      fds.add(clone);
      return clone;
    } catch (ErrnoException e) {
      Posix.closeQuietly(clone);
      LOG.fine("cannot clone /dev/fuse, workers share one descriptor: " + e.getMessage());
      return deviceFd;
    }
  }

  private void serve(int fd) {
    try {
      new Worker(fd, dispatcher, options.maxWrite()).run();
    } catch (Throwable t) {
      LOG.log(Level.SEVERE, "FUSE worker died", t);
    } finally {
      workerStopped();
    }
  }

  /** The last worker to stop destroys the file system before anyone waiting is released. */
  private synchronized void workerStopped() {
    if (stopped.getCount() == 1) {
      destroyed();
      fds.forEach(Posix::closeQuietly);
      fds.clear();
      init.countDown();
    }
    stopped.countDown();
  }

  /**
   * Waits for INIT; returns the refusal reason when the kernel and jdock could not agree or the
   * connection ended first, empty when INIT succeeded.
   */
  Optional<String> awaitInit(long timeout, TimeUnit unit) throws InterruptedException {
    if (!init.await(timeout, unit)) {
      return Optional.of("the kernel did not start the FUSE session");
    }
    if (refusal != null) {
      return Optional.of(refusal);
    }
    if (!agreed) {
      return Optional.of("the FUSE connection ended before it started");
    }
    return Optional.empty();
  }

  boolean isStopped() {
    return stopped.getCount() == 0;
  }

  void awaitStopped() throws InterruptedException {
    stopped.await();
  }

  boolean awaitStopped(long timeout, TimeUnit unit) throws InterruptedException {
    return stopped.await(timeout, unit);
  }

  /** Whether the calling thread is one of this session's workers (it must not wait for itself). */
  synchronized boolean isWorker(Thread t) {
    return threads.contains(t);
  }

  @Override
  public void agreed(Connection connection) {
    LOG.fine(
        () ->
            "FUSE 7."
                + connection.minor()
                + " on "
                + name
                + ", flags 0x"
                + Long.toHexString(connection.flags()));
    agreed = true;
    init.countDown();
  }

  @Override
  public void refused(String reason) {
    refusal = reason;
    init.countDown();
  }

  @Override
  public void destroyed() {
    if (destroyed.compareAndSet(false, true)) {
      try {
        fs.destroy();
      } catch (RuntimeException | Error e) {
        LOG.log(Level.WARNING, "file system destroy failed: " + e, e);
      }
    }
  }
}
