package io.jdock.union;

/** A file-system operation that failed with a known errno. */
public class FsException extends Exception {
  private final Errno errno;

  public FsException(Errno errno) {
    this(errno, errno.name());
  }

  public FsException(Errno errno, String message) {
    super(message, null, false, false);
    this.errno = errno;
  }

  public FsException(Errno errno, String message, Throwable cause) {
    super(message, cause, false, false);
    this.errno = errno;
  }

  public Errno errno() {
    return errno;
  }
}
