package io.jdock.container;

/** A mount or unmount that cannot be done; the message is the one line the user sees. */
public class MountFailure extends Exception {
  public MountFailure(String message) {
    super(message, null, false, false);
  }
}
