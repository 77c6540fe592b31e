package io.jdock.container;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The util-linux programs (and script(1)) that containers are made with, found on the host's PATH:
 * a container's environment replaces the PATH they would otherwise be looked up in.
 */
final class HostTools {
  private static final List<String> DIRS =
      List.of("/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin");

  /** A clean PATH for the host side of the setup. */
  static final String PATH = String.join(":", DIRS);

  private HostTools() {}

  /** The absolute path of NAME. */
  static String find(String name) throws ContainerException {
    String env = System.getenv("PATH");
    for (String dir : (env == null ? PATH : env + ":" + PATH).split(":")) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, name);
      if (p.isAbsolute() && Files.isRegularFile(p) && Files.isExecutable(p)) {
        return p.toString();
      }
    }
    throw new ContainerException(
        "jdock needs '" + name + "' to run containers (Debian package util-linux)");
  }
}
