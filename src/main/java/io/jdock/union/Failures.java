package io.jdock.union;

import io.jdock.sys.ErrnoException;

/** Turns a failed system call on a layer or the upper dir into the errno the caller sees. */
final class Failures {
  private Failures() {}

  static FsException of(ErrnoException e) {
    return new FsException(Errno.of(e.errno()), e.getMessage(), e);
  }
}
