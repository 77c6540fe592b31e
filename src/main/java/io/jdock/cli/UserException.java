package io.jdock.cli;

/**
 * An error found by the command line itself (docker's client-side errors): printed as is, exit code
 * 1 unless another is given.
 */
public class UserException extends RuntimeException {
  private final int exitCode;

  public UserException(String message) {
    this(message, 1);
  }

  public UserException(String message, int exitCode) {
    super(message, null, false, false);
    this.exitCode = exitCode;
  }

  public int exitCode() {
    return exitCode;
  }
}
