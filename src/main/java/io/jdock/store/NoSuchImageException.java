package io.jdock.store;

/** No image matches what the user named; the message is docker's {@code No such image: X}. */
public class NoSuchImageException extends Exception {
  public NoSuchImageException(String message) {
    super(message);
  }
}
