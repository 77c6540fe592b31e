package io.jdock.container;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whether this host lets a user without root run containers: a user namespace (where only root is
 * mapped, to the user) and FUSE open to the user. What is missing is said in one line.
 */
final class Rootless {
  private static final Path FUSE = Path.of("/dev/fuse");

  private Rootless() {}

  /** Throws with what is missing, unless it is all there. */
  static void check() throws ContainerException {
    String prefix = "jdock cannot run containers without root here: ";
    if (!Files.isReadable(FUSE) || !Files.isWritable(FUSE)) {
      throw new ContainerException(
          prefix + "/dev/fuse is not open to this user (Debian's fuse3 makes it 0666)");
    }
    try {
      HostTools.find("fusermount3");
      Process p =
          new ProcessBuilder(
                  List.of(
                      HostTools.find("unshare"), "--user", "--map-root-user", "--mount", "true"))
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new ContainerException(
            prefix
                + "the kernel refuses user namespaces ("
                + out.lines().findFirst().orElse("")
                + ")");
      }
    } catch (IOException e) {
      throw new ContainerException(prefix + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ContainerException(prefix + "interrupted");
    }
  }
}
