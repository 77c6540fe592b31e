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
    Union union = Union.open(config);
    try (FuseMount mount = FuseMount.mount(union, mountpoint, options)) {
      ready.run();
      mount.awaitUnmounted();
    } finally {
      union.destroy();
    }
  }
}
