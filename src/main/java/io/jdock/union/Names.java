package io.jdock.union;

import io.jdock.layer.Whiteouts;
import java.nio.charset.StandardCharsets;

/** Checks on names given to the union: never a {@code .wh.*} name, never over 255 bytes. */
final class Names {
  static final int NAME_MAX = 255;

  private Names() {}

  /** For lookups: reserved names simply do not exist. */
  static boolean visible(String name) {
    return !Whiteouts.isReserved(name);
  }

  /**
   * ENAMETOOLONG for a name over NAME_MAX bytes, as the kernel's file systems answer even a lookup
   * of one (a plain ENOENT would let callers go on to create it).
   */
  static void checkLength(String name) throws FsException {
    // A char is at most 3 UTF-8 bytes: short names need no encoding (lookups are hot).
    if (name.length() * 3 > NAME_MAX && name.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
      throw new FsException(Errno.ENAMETOOLONG);
    }
  }

  /** For creations: reserved names cannot be created (EINVAL), long ones are ENAMETOOLONG. */
  static void checkNew(String name) throws FsException {
    if (Whiteouts.isReserved(name)) {
      throw new FsException(Errno.EINVAL, "names starting with .wh. are reserved: " + name);
    }
    checkLength(name);
    if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0) {
      throw new FsException(Errno.EINVAL, "bad name: " + name);
    }
  }
}
