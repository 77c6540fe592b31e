package io.jdock.container;

import io.jdock.fuse.MountOptions;
import io.jdock.store.Image;
import io.jdock.store.ImageStore;
import io.jdock.store.MountRecord;
import io.jdock.store.StorePaths;
import io.jdock.sys.Posix;
import io.jdock.union.UnionConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The background process behind one {@code jdock mount}: reads the mount's record, builds the union
 * of the image's layers and the upper dir, serves it until it is unmounted (or SIGTERM), and
 * records its pid while it serves.
 */
public final class MountServer {
  /** The hidden jdock command that runs a mount server. */
  public static final String COMMAND = "mount-server";

  private MountServer() {}

  /** Serves mount NAME of the store at PATHS; returns once it is unmounted. */
  public static void serve(StorePaths paths, String name, Runnable ready)
      throws IOException, InterruptedException, MountFailure {
    try (ImageStore store = ImageStore.open(paths)) {
      MountRecord r =
          store.mounts().get(name).orElseThrow(() -> new MountFailure("no such mount: " + name));
      Image image =
          store
              .image(r.imageId())
              .orElseThrow(
                  () ->
                      new MountFailure("image " + r.imageId().shortHex() + " is not in the store"));
      if (!r.readOnly()) {
        Files.createDirectories(r.upperDir());
      }
      UnionConfig config =
          new UnionConfig(
              Layers.lowerLayers(store, image),
              r.readOnly() ? Optional.empty() : Optional.of(r.upperDir()),
              r.readOnly() ? Optional.empty() : Optional.of(store.paths().mountWork(name)),
              Posix.geteuid() == 0);
      MountOptions options = MountOptions.defaults().withReadOnly(r.readOnly());
      long self = ProcessHandle.current().pid();
      java.time.Instant start = ProcessHandle.current().info().startInstant().orElse(null);
      UnionServer.serve(
          config,
          r.mountpoint(),
          options,
          () -> {
            try {
              store.mounts().update(name, x -> x.withServer(self, start));
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
            ready.run();
          },
          () -> {
            try {
              store.mounts().update(name, x -> x.pid() == self ? x.withPid(0) : x);
            } catch (IOException e) {
              java.util.logging.Logger.getLogger(MountServer.class.getName())
                  .warning("clearing the record of mount " + name + ": " + e.getMessage());
            }
          });
    }
  }

  /** Asks a mount server to unmount and exit (SIGTERM), killing it if it does not. */
  static void stop(long pid) throws MountFailure {
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isEmpty()) {
      return;
    }
    h.get().destroy();
    if (!awaitExit(h.get(), 20)) {
      h.get().destroyForcibly();
      if (!awaitExit(h.get(), 10)) {
        throw new MountFailure("mount server " + pid + " does not stop");
      }
    }
  }

  private static boolean awaitExit(ProcessHandle h, int seconds) {
    try {
      h.onExit().get(seconds, TimeUnit.SECONDS);
      return true;
    } catch (TimeoutException e) {
      return false;
    } catch (ExecutionException e) {
      return !h.isAlive();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !h.isAlive();
    }
  }
}
