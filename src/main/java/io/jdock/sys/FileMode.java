package io.jdock.sys;

/** The st_mode bits: file type and permission bits. */
public final class FileMode {
  public static final int S_IFMT = 0170000;
  public static final int S_IFSOCK = 0140000;
  public static final int S_IFLNK = 0120000;
  public static final int S_IFREG = 0100000;
  public static final int S_IFBLK = 0060000;
  public static final int S_IFDIR = 0040000;
  public static final int S_IFCHR = 0020000;
  public static final int S_IFIFO = 0010000;
  public static final int S_ISUID = 04000;
  public static final int S_ISGID = 02000;
  public static final int S_ISVTX = 01000;
  public static final int PERMISSIONS = 07777;

  private FileMode() {}

  public static boolean isDir(int mode) {
    return (mode & S_IFMT) == S_IFDIR;
  }

  public static boolean isRegular(int mode) {
    return (mode & S_IFMT) == S_IFREG;
  }

  public static boolean isSymlink(int mode) {
    return (mode & S_IFMT) == S_IFLNK;
  }

  public static boolean isCharDevice(int mode) {
    return (mode & S_IFMT) == S_IFCHR;
  }

  /** Linux makedev(3). */
  public static long makedev(long major, long minor) {
    return ((major & 0xfffff000L) << 32)
        | ((major & 0xfffL) << 8)
        | ((minor & 0xffffff00L) << 12)
        | (minor & 0xffL);
  }

  /** Linux major(3). */
  public static long major(long dev) {
    return ((dev >>> 32) & 0xfffff000L) | ((dev >>> 8) & 0xfffL);
  }

  /** Linux minor(3). */
  public static long minor(long dev) {
    return ((dev >>> 12) & 0xffffff00L) | (dev & 0xffL);
  }
}
