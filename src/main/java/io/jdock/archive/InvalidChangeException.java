package io.jdock.archive;

/**
 * A {@code --change} instruction that {@code import} cannot apply; the message is docker's where it
 * has one ({@code FROM is not a valid change command}).
 */
public class InvalidChangeException extends Exception {
  public InvalidChangeException(String message) {
    super(message);
  }
}
