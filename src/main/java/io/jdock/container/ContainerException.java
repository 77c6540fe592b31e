package io.jdock.container;

/**
 * A container operation that cannot be done; the message is docker's daemon error text, the exit
 * code what {@code docker run} returns for it: 125 (jdock's own error), 126 (the command cannot be
 * run), 127 (the command is not found).
 */
public class ContainerException extends Exception {
  /** jdock could not create or start the container. */
  public static final int FAILED = 125;

  /** The command exists but cannot be executed. */
  public static final int NOT_EXECUTABLE = 126;

  /** The command is not found. */
  public static final int NOT_FOUND = 127;

  private final int exitCode;
  private final boolean notFound;

  public ContainerException(String message) {
    this(message, FAILED);
  }

  public ContainerException(String message, int exitCode) {
    this(message, exitCode, false);
  }

  private ContainerException(String message, int exitCode, boolean notFound) {
    super(message, null, false, false);
    this.exitCode = exitCode;
    this.notFound = notFound;
  }

  /** docker's {@code No such container: X}. */
  public static ContainerException noSuchContainer(String idOrName) {
    return new ContainerException("No such container: " + idOrName, 1, true);
  }

  /** True when no container has the name or ID (docker's NotFound errors). */
  public boolean isNotFound() {
    return notFound;
  }

  public int exitCode() {
    return exitCode;
  }
}
