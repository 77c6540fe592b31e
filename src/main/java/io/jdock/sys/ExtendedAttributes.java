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
    return sized(
            256,
            (buf, size) -> LIBC.lgetxattr(path, name, buf, size),
            Errno.ENODATA,
            "getxattr " + name + " " + path)
        .map(r -> java.util.Arrays.copyOf(r.buf, (int) r.length));
  }

  /** llistxattr(2): the attribute names of a path (not following symlinks). */
  public static List<String> llist(String path) throws ErrnoException {
    return sized(
            1024,
            (buf, size) -> LIBC.llistxattr(path, buf, size),
            Errno.EOPNOTSUPP,
            "listxattr " + path)
        .map(r -> names(r.buf, r.length))
        .orElse(List.of());
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
    return sized(
            256,
            (buf, size) -> LIBC.fgetxattr(fd, name, buf, size),
            Errno.ENODATA,
            "getxattr " + name)
        .map(r -> java.util.Arrays.copyOf(r.buf, (int) r.length));
  }

  /** flistxattr(2): the attribute names of an open file. */
  public static List<String> flist(int fd) throws ErrnoException {
    return sized(1024, (buf, size) -> LIBC.flistxattr(fd, buf, size), Errno.EOPNOTSUPP, "listxattr")
        .map(r -> names(r.buf, r.length))
        .orElse(List.of());
  }

  /** A call that fills a buffer of a given size, returning the length or -1 with errno. */
  private interface SizedCall {
    long call(byte[] buf, long size);
  }

  private record Filled(byte[] buf, long length) {}

  /**
   * Runs CALL with a growing buffer while it fails with ERANGE (up to 1 MiB); empty when it fails
   * with ABSENT (the attribute or the xattr support is not there).
   */
  private static Optional<Filled> sized(int first, SizedCall call, int absent, String what)
      throws ErrnoException {
    for (int size = first; ; size *= 16) {
      byte[] buf = new byte[size];
      long n = call.call(buf, size);
      if (n >= 0) {
        return Optional.of(new Filled(buf, n));
      }
      int e = Posix.errno();
      if (e == absent) {
        return Optional.empty();
      }
      if (e != Errno.ERANGE || size >= 1 << 20) {
        throw new ErrnoException(e, what);
      }
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
