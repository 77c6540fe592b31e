package io.jdock.sys;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Extended attributes in every namespace (user, trusted, security), by path without following
 * symlinks or by open descriptor: getxattr(2), listxattr(2), setxattr(2), removexattr(2).
 */
public final class ExtendedAttributes {
  private static final LibC LIBC = Posix.LIBC;

  private ExtendedAttributes() {}

  /** lgetxattr(2); empty when the attribute is absent (ENODATA). */
  public static Optional<byte[]> lget(String path, String name) throws ErrnoException {
    int size = 256;
    while (true) {
      byte[] buf = new byte[size];
      long n = LIBC.lgetxattr(path, name, buf, size);
      if (n >= 0) {
        byte[] value = new byte[(int) n];
        System.arraycopy(buf, 0, value, 0, (int) n);
        return Optional.of(value);
      }
      int e = Posix.errno();
      if (e == Errno.ENODATA) {
        return Optional.empty();
      }
      if (e != Errno.ERANGE || size >= 1 << 20) {
        throw new ErrnoException(e, "getxattr " + name + " " + path);
      }
      size *= 16;
    }
  }

  /** llistxattr(2): the attribute names of a path (not following symlinks). */
  public static List<String> llist(String path) throws ErrnoException {
    int size = 1024;
    while (true) {
      byte[] buf = new byte[size];
      long n = LIBC.llistxattr(path, buf, size);
      if (n >= 0) {
        return names(buf, n);
      }
      int e = Posix.errno();
      if (e == Errno.EOPNOTSUPP) {
        return List.of();
      }
      if (e != Errno.ERANGE || size >= 1 << 20) {
        throw new ErrnoException(e, "listxattr " + path);
      }
      size *= 16;
    }
  }

  public static void lset(String path, String name, byte[] value, int flags) throws ErrnoException {
    Posix.check(
        LIBC.lsetxattr(path, name, value, value.length, flags), "setxattr " + name + " " + path);
  }

  public static void lremove(String path, String name) throws ErrnoException {
    Posix.check(LIBC.lremovexattr(path, name), "removexattr " + name + " " + path);
  }

  public static void fset(int fd, String name, byte[] value, int flags) throws ErrnoException {
    Posix.check(LIBC.fsetxattr(fd, name, value, value.length, flags), "setxattr " + name);
  }

  /** fgetxattr(2); empty when the attribute is absent. */
  public static Optional<byte[]> fget(int fd, String name) throws ErrnoException {
    int size = 256;
    while (true) {
      byte[] buf = new byte[size];
      long n = LIBC.fgetxattr(fd, name, buf, size);
      if (n >= 0) {
        return Optional.of(java.util.Arrays.copyOf(buf, (int) n));
      }
      int e = Posix.errno();
      if (e == Errno.ENODATA) {
        return Optional.empty();
      }
      if (e != Errno.ERANGE || size >= 1 << 20) {
        throw new ErrnoException(e, "getxattr " + name);
      }
      size *= 16;
    }
  }

  /** flistxattr(2): the attribute names of an open file. */
  public static List<String> flist(int fd) throws ErrnoException {
    int size = 1024;
    while (true) {
      byte[] buf = new byte[size];
      long n = LIBC.flistxattr(fd, buf, size);
      if (n >= 0) {
        return names(buf, n);
      }
      int e = Posix.errno();
      if (e == Errno.EOPNOTSUPP) {
        return List.of();
      }
      if (e != Errno.ERANGE || size >= 1 << 20) {
        throw new ErrnoException(e, "listxattr");
      }
      size *= 16;
    }
  }

  /** fremovexattr(2). */
  public static void fremove(int fd, String name) throws ErrnoException {
    Posix.check(LIBC.fremovexattr(fd, name), "removexattr " + name);
  }

  static List<String> names(byte[] buf, long n) {
    List<String> names = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (buf[i] == 0) {
        if (i > start) {
          names.add(new String(buf, start, i - start, StandardCharsets.UTF_8));
        }
        start = i + 1;
      }
    }
    return names;
  }
}
