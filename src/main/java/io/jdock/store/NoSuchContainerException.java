package io.jdock.store;

/** No container matches; the message is docker's {@code No such container: X}. */
public class NoSuchContainerException extends Exception {
  public NoSuchContainerException(String nameOrId) {
    super("No such container: " + nameOrId);
  }
}
