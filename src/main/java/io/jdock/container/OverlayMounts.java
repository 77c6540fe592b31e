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
    List<LowerLayer> lowers = new ArrayList<>();
    for (Path dir : spec.lowerTopFirst()) {
      lowers.add(DirectoryLayer.scan(dir));
    }
    Collections.reverse(lowers);
    boolean root = Posix.geteuid() == 0;
    UnionConfig config =
        new UnionConfig(lowers, spec.readOnly() ? java.util.Optional.empty() : spec.upper(), root);
    MountOptions options =
        MountOptions.defaults().withReadOnly(spec.readOnly()).withSuidAndDevices(root);
    UnionServer.serve(
        config, mountpoint, options, notifyReady ? ServerLauncher::notifyReady : () -> {});
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
