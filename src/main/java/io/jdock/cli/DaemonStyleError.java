package io.jdock.cli;

/**
 * An error that docker reports from its daemon ({@code Error response from daemon: ...}); the CLI
 * wraps store and registry errors in it where docker does.
 */
public class DaemonStyleError extends RuntimeException {
  private final int exitCode;

  public DaemonStyleError(String message) {
    this(message, 1);
  }

  public DaemonStyleError(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
