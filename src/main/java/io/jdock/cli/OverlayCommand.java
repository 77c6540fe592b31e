package io.jdock.cli;

import io.jdock.container.OverlayMounts;
import io.jdock.container.OverlaySpec;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code jdock overlay -o lowerdir=A:B[,upperdir=U,workdir=W] MOUNTPOINT}: the union over plain
 * directories, with fuse-overlayfs's command line, so jdock can stand in for it.
 */
@Command(
    name = "overlay",
    mixinStandardHelpOptions = true,
    description = {
      "Mount directories as one union, with fuse-overlayfs's command line",
      "(the leftmost lowerdir is on top; without upperdir the mount is read-only).",
      "Returns once the mount answers, unless -f keeps it in the foreground."
    })
final class OverlayCommand implements Callable<Integer> {
  @Option(
      names = "-o",
      required = true,
      paramLabel = "OPTIONS",
      description = "lowerdir=DIR[:DIR...][,upperdir=DIR][,workdir=DIR][,ro]")
  List<String> options;

  @Option(names = "-f", description = "Stay in the foreground until unmounted")
  boolean foreground;

  @Option(names = "--notify-ready", hidden = true)
  boolean notifyReady;

  @Parameters(paramLabel = "MOUNTPOINT", description = "Where to mount")
  Path mountpoint;

  @Override
  public Integer call() throws Exception {
    OverlaySpec spec;
    try {
      spec = OverlaySpec.parse(options);
    } catch (IllegalArgumentException e) {
      throw new UserException("fuse: " + e.getMessage(), 1);
    }
    if (foreground || notifyReady) {
      OverlayMounts.serve(spec, mountpoint, notifyReady);
    } else {
      OverlayMounts.startInBackground(options, mountpoint);
    }
    return 0;
  }
}
