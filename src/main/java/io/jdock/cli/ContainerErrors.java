package io.jdock.cli;

import io.jdock.container.ContainerException;

/**
 * How the container commands report errors: docker's {@code Error response from daemon: ...}; for
 * {@code run} and {@code create}, as docker's client prints a failed run: {@code jdock: } before it
 * and a pointer to {@code --help} after it, with the exit code of the failure (125, 126, 127).
 */
final class ContainerErrors {
  private ContainerErrors() {}

  /** The error of a failed {@code run}/{@code create}/{@code start -a}. */
  static UserException ofRun(String command, ContainerException e) {
    return new UserException(
        "jdock: Error response from daemon: "
            + e.getMessage()
            + "\n\nRun 'jdock "
            + command
            + " --help' for more information",
        e.exitCode());
  }

  /** A daemon-style error line with exit code 1. */
  static DaemonStyleError of(ContainerException e) {
    return new DaemonStyleError(e.getMessage(), 1);
  }
}
