package io.jdock.sys;

import java.io.IOException;

/** A failed system call, with its errno (Linux numbering) and the path or call it concerned. */
public class ErrnoException extends IOException {
  private final int errno;

  public ErrnoException(int errno, String context) {
    super(context + ": " + Errno.describe(errno));
    this.errno = errno;
  }

  /** The Linux errno value. */
  public int errno() {
    return errno;
  }
}
