package io.jdock.container;

import io.jdock.sys.ErrnoException;
import io.jdock.sys.Posix;
import io.jdock.sys.Stat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Checks, before a container starts, that its command can be executed, as runc's {@code exec} would
 * find it ({@code exec.LookPath} in the container's root and {@code PATH}); the errors carry
 * docker's text and exit codes (127 not found, 126 not executable).
 */
final class ExecutableLookup {
  private ExecutableLookup() {}

  /** Throws unless ARGV0 names an executable file under ROOT. */
  static void check(Path root, String argv0, List<String> env, String workdir)
      throws ContainerException, IOException {
    if (argv0.contains("/")) {
      String path = argv0.startsWith("/") ? argv0 : workdir + "/" + argv0;
      Optional<Stat> st = stat(root, path);
      if (st.isEmpty()) {
        throw failure(argv0, "stat " + argv0 + ": no such file or directory", 127);
      }
      checkExecutable(argv0, st.get());
      return;
    }
    String pathEnv = ContainerConfigs.get(env, "PATH").orElse(ContainerConfigs.DEFAULT_PATH);
    for (String dir : pathEnv.split(":", -1)) {
      String d = dir.isEmpty() ? "." : dir;
      String candidate = d.startsWith("/") ? d + "/" + argv0 : workdir + "/" + d + "/" + argv0;
      Optional<Stat> st = stat(root, candidate);
      if (st.isPresent() && st.get().isRegular() && (st.get().mode() & 0111) != 0) {
        return;
      }
    }
    throw failure(argv0, "executable file not found in $PATH", 127);
  }

  private static void checkExecutable(String argv0, Stat st) throws ContainerException {
    if (st.isDir()) {
      throw failure(argv0, "is a directory", 126);
    }
    if ((st.mode() & 0111) == 0) {
      throw failure(argv0, "permission denied", 126);
    }
  }

  private static Optional<Stat> stat(Path root, String path) throws IOException {
    try {
      return Posix.lstatIfExists(RootedPaths.resolve(root, path, true).toString());
    } catch (ErrnoException e) {
      return Optional.empty();
    }
  }

  private static ContainerException failure(String argv0, String what, int code) {
    return new ContainerException(
        "unable to start container process: exec: \"" + argv0 + "\": " + what, code);
  }
}
