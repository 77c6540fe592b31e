package io.jdock.union;

import io.jdock.sys.Errno;
import io.jdock.sys.ErrnoException;
import io.jdock.sys.ExtendedAttributes;

/** Copies extended attributes onto upper files, tolerating namespaces the process may not set. */
final class Xattrs {
  private Xattrs() {}

  /** Sets one xattr; an unprivileged process skips the trusted and security namespaces. */
  static void copy(String path, int fd, String name, byte[] value, boolean privileged)
      throws ErrnoException {
    if (!privileged && !name.startsWith("user.")) {
      return;
    }
    try {
      if (fd >= 0) {
        ExtendedAttributes.fset(fd, name, value, 0);
      } else {
        ExtendedAttributes.lset(path, name, value, 0);
      }
    } catch (ErrnoException e) {
      if (e.errno() != Errno.EOPNOTSUPP && e.errno() != Errno.EPERM) {
        throw e;
      }
    }
  }
}
