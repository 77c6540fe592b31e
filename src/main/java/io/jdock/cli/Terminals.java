package io.jdock.cli;

import io.jdock.sys.Posix;

/** docker's client check before it attaches a terminal: stdin must be one (streams CheckTty). */
final class Terminals {
  private Terminals() {}

  /** Refuses {@code -it} when jdock's stdin is not a terminal, with docker's message. */
  static void checkTty(boolean attachStdin, boolean tty) {
    if (attachStdin && tty && !Posix.isatty(0)) {
      throw new UserException("the input device is not a TTY");
    }
  }
}
