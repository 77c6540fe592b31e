package io.jdock.reference;

/** A string that is not a valid image reference; the message is docker's. */
public class InvalidReferenceException extends Exception {
  public InvalidReferenceException(String message) {
    super(message);
  }
}
