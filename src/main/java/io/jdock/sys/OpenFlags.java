package io.jdock.sys;

/** open(2) flags with this architecture's values (O_DIRECTORY and friends differ on aarch64). */
public final class OpenFlags {
  public static final int O_RDONLY = 0;
  public static final int O_WRONLY = 1;
  public static final int O_RDWR = 2;
  public static final int O_ACCMODE = 3;
  public static final int O_CREAT = 0100;
  public static final int O_EXCL = 0200;
  public static final int O_NOCTTY = 0400;
  public static final int O_TRUNC = 01000;
  public static final int O_APPEND = 02000;
  public static final int O_NONBLOCK = 04000;
  public static final int O_DSYNC = 010000;
  public static final int O_DIRECT = Arch.AARCH64 ? 0200000 : 040000;
  public static final int O_LARGEFILE = Arch.AARCH64 ? 0400000 : 0100000;
  public static final int O_DIRECTORY = Arch.AARCH64 ? 040000 : 0200000;
  public static final int O_NOFOLLOW = Arch.AARCH64 ? 0100000 : 0400000;
  public static final int O_NOATIME = 01000000;
  public static final int O_CLOEXEC = 02000000;
  public static final int O_SYNC = 04010000;
  public static final int O_PATH = 010000000;
  public static final int O_TMPFILE = 020000000 | O_DIRECTORY;

  public static final int SEEK_SET = 0;
  public static final int SEEK_CUR = 1;
  public static final int SEEK_END = 2;
  public static final int SEEK_DATA = 3;
  public static final int SEEK_HOLE = 4;

  /** The dirfd meaning "relative to the working directory". */
  public static final int AT_FDCWD = -100;

  public static final int AT_SYMLINK_NOFOLLOW = 0x100;
  public static final int AT_REMOVEDIR = 0x200;
  public static final int AT_SYMLINK_FOLLOW = 0x400;
  public static final int AT_EMPTY_PATH = 0x1000;

  public static final int RENAME_NOREPLACE = 1;
  public static final int RENAME_EXCHANGE = 2;
  public static final int RENAME_WHITEOUT = 4;

  public static final int XATTR_CREATE = 1;
  public static final int XATTR_REPLACE = 2;

  public static final long UTIME_NOW = (1L << 30) - 1;
  public static final long UTIME_OMIT = (1L << 30) - 2;

  public static final int MNT_FORCE = 1;
  public static final int MNT_DETACH = 2;

  public static final long MS_RDONLY = 1;
  public static final long MS_NOSUID = 2;
  public static final long MS_NODEV = 4;
  public static final long MS_NOATIME = 1024;

  private OpenFlags() {}
}
