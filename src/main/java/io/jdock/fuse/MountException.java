package io.jdock.fuse;

import java.io.IOException;

/** Mounting or unmounting failed; the message is one line for the user. */
public class MountException extends IOException {
  public MountException(String message) {
    super(message);
  }

  public MountException(String message, Throwable cause) {
    super(message, cause);
  }
}
