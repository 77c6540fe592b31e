package io.jdock.container;

import io.jdock.fuse.FuseMount;
import io.jdock.fuse.MountOptions;
import io.jdock.union.Union;
import io.jdock.union.UnionConfig;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Serves one union mount in this process: builds the union, mounts it, reports readiness, and
 * returns when the mount goes away (umount, or SIGTERM/SIGINT through the mount's shutdown hook).
 */
public final class UnionServer {
  private UnionServer() {}

  /** Mounts CONFIG at MOUNTPOINT, runs READY once the mount answers, serves until unmounted. */
  public static void serve(
      UnionConfig config, Path mountpoint, MountOptions options, Runnable ready)
      throws IOException, InterruptedException {
    serve(config, mountpoint, options, ready, () -> {});
  }

  /**
   * The same, running STOPPED once the mount is gone, also when SIGTERM/SIGINT end the process (the
   * shutdown hook unmounts, then runs it), so a server can say it no longer serves.
   */
  public static void serve(
      UnionConfig config, Path mountpoint, MountOptions options, Runnable ready, Runnable stopped)
      throws IOException, InterruptedException {
    Union union = Union.open(config);
    FuseMount mount = FuseMount.mount(union, mountpoint, options.withUnmountOnExit(false));
    Runnable stop =
        once(
            () -> {
              try {
                mount.close();
              } catch (IOException e) {
                java.util.logging.Logger.getLogger(UnionServer.class.getName())
                    .warning("unmounting " + mountpoint + ": " + e.getMessage());
              } finally {
                union.destroy();
                stopped.run();
              }
            });
    Thread hook = new Thread(stop, "jdock-unmount-" + mountpoint);
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      ready.run();
      mount.awaitUnmounted();
    } finally {
      stop.run();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook is running or has run: nothing left to do
      }
    }
  }

  /**
   * R run at most once; a second caller waits until the first run finished (the main thread must
   * not close what the shutdown hook is still using).
   */
  private static Runnable once(Runnable r) {
    boolean[] done = {false};
    return () -> {
      synchronized (done) {
        if (!done[0]) {
          done[0] = true;
          r.run();
        }
      }
    };
  }
}
