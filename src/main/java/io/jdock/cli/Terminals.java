package io.jdock.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether a standard stream is a terminal (docker's {@code IsTerminal}), read from {@code
 * /proc/self/fd}: Java's {@code System.console()} only says whether stdin and stdout both are.
 */
final class Terminals {
  static final int STDIN = 0;
  static final int STDOUT = 1;

  private Terminals() {}

  static boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/")
          || target.startsWith("/dev/tty")
          || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException e) {
      return false;
    }
  }

  /**
   * docker's client check before it attaches a terminal (streams CheckTty): {@code -it} needs
   * jdock's stdin to be one.
   */
  static void checkTty(boolean attachStdin, boolean tty) {
    if (attachStdin && tty && !isTerminal(STDIN)) {
      throw new UserException("the input device is not a TTY");
    }
  }
}
