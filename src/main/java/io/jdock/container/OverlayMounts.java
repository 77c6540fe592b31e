package io.jdock.container;

import io.jdock.fuse.MountOptions;
import io.jdock.sys.Posix;
import io.jdock.union.DirectoryLayer;
import io.jdock.union.LowerLayer;
import io.jdock.union.UnionConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/** {@code jdock overlay}: unions of plain directories, served in the foreground or background. */
public final class OverlayMounts {
  private OverlayMounts() {}

  /** Serves SPEC at MOUNTPOINT in this process until it is unmounted. */
  public static void serve(OverlaySpec spec, Path mountpoint, boolean notifyReady)
      throws IOException, InterruptedException {
    List<LowerLayer> lowers = scanAll(spec.lowerTopFirst());
    Collections.reverse(lowers);
    boolean root = Posix.geteuid() == 0;
    UnionConfig config =
        spec.readOnly()
            ? new UnionConfig(lowers, java.util.Optional.empty(), root)
            : new UnionConfig(lowers, spec.upper(), spec.work(), root);
    MountOptions options =
        MountOptions.defaults().withReadOnly(spec.readOnly()).withSuidAndDevices(root);
    UnionServer.serve(
        config, mountpoint, options, notifyReady ? ServerLauncher::notifyReady : () -> {});
  }

  /** Scans the lower dirs, several at once (the scan is a walk of lstat calls). */
  private static List<LowerLayer> scanAll(List<Path> dirs) throws IOException {
    int threads = Math.min(dirs.size(), Math.max(2, Runtime.getRuntime().availableProcessors()));
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(threads);
    try {
      List<java.util.concurrent.Future<LowerLayer>> scans = new ArrayList<>();
      for (Path dir : dirs) {
        scans.add(pool.submit(() -> DirectoryLayer.scan(dir)));
      }
      List<LowerLayer> out = new ArrayList<>();
      for (var scan : scans) {
        out.add(scan.get());
      }
      return out;
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      throw new IOException("scanning lower dirs: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while scanning lower dirs", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Starts {@code jdock overlay -f} detached and returns once its mount answers. */
  public static long startInBackground(List<String> options, Path mountpoint) throws IOException {
    List<String> args = new ArrayList<>(List.of("overlay"));
    for (String o : options) {
      args.add("-o");
      args.add(o);
    }
    Path abs = mountpoint.toAbsolutePath().normalize();
    args.add(abs.toString());
    return ServerLauncher.start(args, logFile(abs));
  }

  private static Path logFile(Path mountpoint) {
    byte[] h =
        io.jdock.oci.Digest.newSha256()
            .digest(mountpoint.toString().getBytes(StandardCharsets.UTF_8));
    String base = System.getenv().getOrDefault("XDG_RUNTIME_DIR", "/tmp");
    return Path.of(base, "jdock-overlay-" + HexFormat.of().formatHex(h, 0, 6) + ".log");
  }
}
