package io.jdock.cli;

import io.jdock.registry.progress.ProgressRenderer;
import io.jdock.sys.Posix;
import java.io.PrintWriter;

/**
 * How pull and push progress is shown, as docker's CLI decides it: only the result with {@code -q},
 * the live display when stdout is a terminal, plain lines otherwise.
 */
final class ProgressOutput {
  private static final int STDOUT = 1;
  private static final int DEFAULT_WIDTH = 80;

  private ProgressOutput() {}

  static ProgressRenderer forStdout(PrintWriter out, boolean quiet) {
    if (quiet) {
      return ProgressRenderer.quiet(out);
    }
    if (Posix.isatty(STDOUT)) {
      return ProgressRenderer.terminal(out, Posix.terminalColumns(STDOUT).orElse(DEFAULT_WIDTH));
    }
    return ProgressRenderer.plain(out);
  }
}
