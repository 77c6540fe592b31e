package io.jdock.registry;

/**
 * A failed login or logout. The message is docker's text; {@link #fromRegistry()} tells the CLI to
 * print it as docker's daemon errors are printed ({@code Error response from daemon: ...}).
 */
public class LoginException extends Exception {
  private final boolean fromRegistry;

  public LoginException(String message, boolean fromRegistry, Throwable cause) {
    super(message, cause);
    this.fromRegistry = fromRegistry;
  }

  /** A client-side error (option rules, no TTY): printed as is. */
  public static LoginException client(String message) {
    return new LoginException(message, false, null);
  }

  public boolean fromRegistry() {
    return fromRegistry;
  }
}
