package io.jdock.store;

/**
 * A {@code --filter} that docker's daemon refuses: an unknown key ({@code invalid filter 'foo'}), a
 * bad value, an unparsable time or pattern; the message is docker's.
 */
public class InvalidFilterException extends Exception {
  public InvalidFilterException(String message) {
    super(message);
  }
}
