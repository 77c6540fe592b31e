package io.jdock.sys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;

/**
 * Thin, checked wrappers over the libc calls in {@link LibC}: each failure becomes an {@link
 * ErrnoException} naming the call and its path. ByteBuffers must be direct; reads and writes use
 * and advance their position like a channel does.
 */
public final class Posix {
  static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
  static final Runtime RUNTIME = Runtime.getRuntime(LIBC);

  static {
    ProcessExit.libcBound();
  }

  /** TIOCGWINSZ, the same on x86_64 and aarch64. */
  private static final long TIOCGWINSZ = 0x5413;

  private Posix() {}

  /** {@code _exit(2)}: see {@link ProcessExit}. */
  static void exit(int code) {
    LIBC._exit(code);
  }

  static int errno() {
    return RUNTIME.getLastError();
  }

  static int check(int rc, String what) throws ErrnoException {
    if (rc < 0) {
      throw new ErrnoException(errno(), what);
    }
    return rc;
  }

  private static long check(long rc, String what) throws ErrnoException {
    if (rc < 0) {
      throw new ErrnoException(errno(), what);
    }
    return rc;
  }

  public static int open(String path, int flags, int mode) throws ErrnoException {
    return check(LIBC.open(path, flags, mode), "open " + path);
  }

  public static int openat(int dirfd, String path, int flags, int mode) throws ErrnoException {
    return check(LIBC.openat(dirfd, path, flags, mode), "open " + path);
  }

  public static void close(int fd) throws ErrnoException {
    check(LIBC.close(fd), "close");
  }

  /** Closes without reporting errors (cleanup paths). */
  public static void closeQuietly(int fd) {
    if (fd >= 0) {
      LIBC.close(fd);
    }
  }

  /** read(2) into {@code buf} from its position; 0 at end of file. Retries EINTR. */
  public static int read(int fd, ByteBuffer buf) throws ErrnoException {
    while (true) {
      long n = LIBC.read(fd, buf.slice(), buf.remaining());
      if (n >= 0) {
        buf.position(buf.position() + (int) n);
        return (int) n;
      }
      int e = errno();
      if (e != Errno.EINTR) {
        throw new ErrnoException(e, "read");
      }
    }
  }

  /** write(2) of {@code buf}'s remaining bytes (one call; returns the count written). */
  public static int write(int fd, ByteBuffer buf) throws ErrnoException {
    while (true) {
      long n = LIBC.write(fd, buf.slice(), buf.remaining());
      if (n >= 0) {
        buf.position(buf.position() + (int) n);
        return (int) n;
      }
      int e = errno();
      if (e != Errno.EINTR) {
        throw new ErrnoException(e, "write");
      }
    }
  }

  /** pread(2) into {@code buf} from its position; 0 at end of file. */
  public static int pread(int fd, ByteBuffer buf, long offset) throws ErrnoException {
    while (true) {
      long n = LIBC.pread(fd, buf.slice(), buf.remaining(), offset);
      if (n >= 0) {
        buf.position(buf.position() + (int) n);
        return (int) n;
      }
      int e = errno();
      if (e != Errno.EINTR) {
        throw new ErrnoException(e, "pread");
      }
    }
  }

  /** pwrite(2) of {@code buf}'s remaining bytes at {@code offset}. */
  public static int pwrite(int fd, ByteBuffer buf, long offset) throws ErrnoException {
    while (true) {
      long n = LIBC.pwrite(fd, buf.slice(), buf.remaining(), offset);
      if (n >= 0) {
        buf.position(buf.position() + (int) n);
        return (int) n;
      }
      int e = errno();
      if (e != Errno.EINTR) {
        throw new ErrnoException(e, "pwrite");
      }
    }
  }

  public static void fsync(int fd) throws ErrnoException {
    check(LIBC.fsync(fd), "fsync");
  }

  public static void fdatasync(int fd) throws ErrnoException {
    check(LIBC.fdatasync(fd), "fdatasync");
  }

  public static void ftruncate(int fd, long length) throws ErrnoException {
    check(LIBC.ftruncate(fd, length), "ftruncate");
  }

  public static void truncate(String path, long length) throws ErrnoException {
    check(LIBC.truncate(path, length), "truncate " + path);
  }

  public static void fallocate(int fd, int mode, long offset, long length) throws ErrnoException {
    check(LIBC.fallocate(fd, mode, offset, length), "fallocate");
  }

  /** mknod(2): devices, fifos, sockets and (with S_IFREG) empty files. */
  public static void mknod(String path, int mode, long dev) throws ErrnoException {
    check(LIBC.mknod(path, mode, dev), "mknod " + path);
  }

  public static void mknodat(int dirfd, String path, int mode, long dev) throws ErrnoException {
    check(LIBC.mknodat(dirfd, path, mode, dev), "mknod " + path);
  }

  /** lstat(2). */
  public static Stat lstat(String path) throws ErrnoException {
    return fstatat(OpenFlags.AT_FDCWD, path, false);
  }

  /** stat(2), following symlinks. */
  public static Stat stat(String path) throws ErrnoException {
    return fstatat(OpenFlags.AT_FDCWD, path, true);
  }

  /** lstat(2) that answers empty for a missing path (ENOENT, ENOTDIR). */
  public static Optional<Stat> lstatIfExists(String path) throws ErrnoException {
    byte[] raw = new byte[Arch.STAT_SIZE];
    if (LIBC.fstatat(OpenFlags.AT_FDCWD, path, raw, OpenFlags.AT_SYMLINK_NOFOLLOW) < 0) {
      int e = errno();
      if (e == Errno.ENOENT || e == Errno.ENOTDIR) {
        return Optional.empty();
      }
      throw new ErrnoException(e, "lstat " + path);
    }
    return Optional.of(Stat.decode(raw));
  }

  public static Stat fstatat(int dirfd, String path, boolean follow) throws ErrnoException {
    byte[] raw = new byte[Arch.STAT_SIZE];
    check(
        LIBC.fstatat(dirfd, path, raw, follow ? 0 : OpenFlags.AT_SYMLINK_NOFOLLOW), "stat " + path);
    return Stat.decode(raw);
  }

  public static Stat fstat(int fd) throws ErrnoException {
    byte[] raw = new byte[Arch.STAT_SIZE];
    check(LIBC.fstat(fd, raw), "fstat");
    return Stat.decode(raw);
  }

  public static StatVfs statvfs(String path) throws ErrnoException {
    byte[] raw = new byte[StatVfs.SIZE];
    check(LIBC.statvfs(path, raw), "statvfs " + path);
    return StatVfs.decode(raw);
  }

  /** chmod(2) with all 12 permission bits (setuid, setgid, sticky included). */
  public static void chmod(String path, int mode) throws ErrnoException {
    check(LIBC.fchmodat(OpenFlags.AT_FDCWD, path, mode & FileMode.PERMISSIONS, 0), "chmod " + path);
  }

  /** lchown(2); -1 leaves an id unchanged. */
  public static void lchown(String path, int uid, int gid) throws ErrnoException {
    check(
        LIBC.fchownat(OpenFlags.AT_FDCWD, path, uid, gid, OpenFlags.AT_SYMLINK_NOFOLLOW),
        "chown " + path);
  }

  /**
   * utimensat(2) without following symlinks; nanoseconds may be {@link OpenFlags#UTIME_NOW} or
   * {@link OpenFlags#UTIME_OMIT}.
   */
  public static void lutimens(
      String path, long atimeSec, long atimeNsec, long mtimeSec, long mtimeNsec)
      throws ErrnoException {
    long[] times = {atimeSec, atimeNsec, mtimeSec, mtimeNsec};
    check(
        LIBC.utimensat(OpenFlags.AT_FDCWD, path, times, OpenFlags.AT_SYMLINK_NOFOLLOW),
        "utimensat " + path);
  }

  /** renameat2(2) with RENAME_NOREPLACE / RENAME_EXCHANGE flags. */
  public static void rename(String from, String to, int flags) throws ErrnoException {
    check(
        LIBC.renameat2(OpenFlags.AT_FDCWD, from, OpenFlags.AT_FDCWD, to, flags),
        "rename " + from + " to " + to);
  }

  /** link(2), not following a symlink source. */
  public static void link(String existing, String newPath) throws ErrnoException {
    check(
        LIBC.linkat(OpenFlags.AT_FDCWD, existing, OpenFlags.AT_FDCWD, newPath, 0),
        "link " + newPath);
  }

  public static void symlink(String target, String linkPath) throws ErrnoException {
    check(LIBC.symlinkat(target, OpenFlags.AT_FDCWD, linkPath), "symlink " + linkPath);
  }

  public static String readlink(String path) throws ErrnoException {
    int size = 256;
    while (true) {
      byte[] buf = new byte[size];
      long n = check(LIBC.readlinkat(OpenFlags.AT_FDCWD, path, buf, size), "readlink " + path);
      if (n < size) {
        return new String(buf, 0, (int) n, StandardCharsets.UTF_8);
      }
      size *= 4;
    }
  }

  public static void mkdir(String path, int mode) throws ErrnoException {
    check(LIBC.mkdirat(OpenFlags.AT_FDCWD, path, mode), "mkdir " + path);
  }

  public static void unlink(String path) throws ErrnoException {
    check(LIBC.unlinkat(OpenFlags.AT_FDCWD, path, 0), "unlink " + path);
  }

  public static void rmdir(String path) throws ErrnoException {
    check(LIBC.unlinkat(OpenFlags.AT_FDCWD, path, OpenFlags.AT_REMOVEDIR), "rmdir " + path);
  }

  public static void mount(String source, String target, String fstype, long flags, String data)
      throws ErrnoException {
    check(LIBC.mount(source, target, fstype, flags, data), "mount " + target);
  }

  public static void umount2(String target, int flags) throws ErrnoException {
    check(LIBC.umount2(target, flags), "umount " + target);
  }

  public static void kill(int pid, int signal) throws ErrnoException {
    check(LIBC.kill(pid, signal), "kill " + pid);
  }

  /** ioctl(2) whose argument is a pointer to one int. */
  public static int ioctlInt(int fd, long request, int value) throws ErrnoException {
    return check(LIBC.ioctl(fd, request, new int[] {value}), "ioctl");
  }

  /** True if {@code fd} refers to a terminal (isatty(3)). */
  public static boolean isatty(int fd) {
    return LIBC.isatty(fd) == 1;
  }

  /** The width in columns of the terminal on {@code fd} (TIOCGWINSZ), if it is one. */
  public static java.util.OptionalInt terminalColumns(int fd) {
    short[] winsize = new short[4];
    if (LIBC.ioctl(fd, TIOCGWINSZ, winsize) < 0 || winsize[1] <= 0) {
      return java.util.OptionalInt.empty();
    }
    return java.util.OptionalInt.of(Short.toUnsignedInt(winsize[1]));
  }

  /**
   * copy_file_range(2) of up to {@code length} bytes between explicit offsets; returns the count
   * copied (0 at end of input). May reflink on btrfs/xfs.
   */
  public static long copyFileRange(int fdIn, long offIn, int fdOut, long offOut, long length)
      throws ErrnoException {
    long[] in = {offIn};
    long[] out = {offOut};
    while (true) {
      long n = LIBC.copy_file_range(fdIn, in, fdOut, out, length, 0);
      if (n >= 0) {
        return n;
      }
      int e = errno();
      if (e != Errno.EINTR) {
        throw new ErrnoException(e, "copy_file_range");
      }
    }
  }

  /** lseek(2); for SEEK_DATA/SEEK_HOLE past the last data, ENXIO is reported as empty. */
  public static java.util.OptionalLong lseek(int fd, long offset, int whence)
      throws ErrnoException {
    long r = LIBC.lseek(fd, offset, whence);
    if (r < 0) {
      int e = errno();
      if (e == Errno.ENXIO) {
        return java.util.OptionalLong.empty();
      }
      throw new ErrnoException(e, "lseek");
    }
    return java.util.OptionalLong.of(r);
  }

  /** Links an open file (e.g. an O_TMPFILE) to a name, failing with EEXIST if it exists. */
  public static void linkFd(int fd, String newPath) throws ErrnoException {
    check(
        LIBC.linkat(
            OpenFlags.AT_FDCWD,
            "/proc/self/fd/" + fd,
            OpenFlags.AT_FDCWD,
            newPath,
            OpenFlags.AT_SYMLINK_FOLLOW),
        "link " + newPath);
  }

  public static void fchown(int fd, int uid, int gid) throws ErrnoException {
    check(LIBC.fchown(fd, uid, gid), "fchown");
  }

  public static void fchmod(int fd, int mode) throws ErrnoException {
    check(LIBC.fchmod(fd, mode & FileMode.PERMISSIONS), "fchmod");
  }

  /** futimens(2); nanoseconds may be UTIME_NOW or UTIME_OMIT. */
  public static void futimens(int fd, long atimeSec, long atimeNsec, long mtimeSec, long mtimeNsec)
      throws ErrnoException {
    check(LIBC.futimens(fd, new long[] {atimeSec, atimeNsec, mtimeSec, mtimeNsec}), "futimens");
  }

  public static int getuid() {
    return LIBC.getuid();
  }

  public static int geteuid() {
    return LIBC.geteuid();
  }

  public static int getgid() {
    return LIBC.getgid();
  }

  public static int getegid() {
    return LIBC.getegid();
  }

  /** Sets the umask and returns the previous one. */
  public static int umask(int mask) {
    return LIBC.umask(mask);
  }
}
