package io.jdock.cli.format;

/**
 * A {@code --format} that docker would refuse, with docker's one-line text ({@code template parsing
 * error: template: :1: ...}) and the exit status docker uses: 1 for list commands, 64 for a
 * template that does not parse in {@code inspect}. The CLI prints the message and exits with {@link
 * #exitStatus()}.
 */
public final class FormatException extends Exception {
  private final int exitStatus;

  public FormatException(String message, int exitStatus) {
    super(message, null, false, false);
    this.exitStatus = exitStatus;
  }

  /** The process exit status docker uses for this error. */
  public int exitStatus() {
    return exitStatus;
  }
}
