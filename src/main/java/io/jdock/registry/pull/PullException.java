package io.jdock.registry.pull;

/**
 * A pull refused before any registry is asked: docker's client-side checks, or a check docker's
 * daemon makes ({@link #fromDaemon()}, printed as {@code Error response from daemon: ...}).
 */
public class PullException extends Exception {
  private final boolean fromDaemon;

  public PullException(String message) {
    this(message, false);
  }

  private PullException(String message, boolean fromDaemon) {
    super(message);
    this.fromDaemon = fromDaemon;
  }

  /** A refusal docker's daemon reports. */
  public static PullException daemon(String message) {
    return new PullException(message, true);
  }

  public boolean fromDaemon() {
    return fromDaemon;
  }
}
