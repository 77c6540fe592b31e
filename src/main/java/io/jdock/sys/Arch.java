package io.jdock.sys;

/** The constants and struct layouts that differ between x86_64 and aarch64 Linux. */
final class Arch {
  static final boolean AARCH64 = System.getProperty("os.arch").equals("aarch64");

  /**
   * Offsets in struct stat: dev, ino, nlink, mode, uid, gid, rdev, size, blocks, atime, mtime,
   * ctime.
   */
  static final int ST_DEV = 0;

  static final int ST_INO = 8;
  static final int ST_NLINK = AARCH64 ? 20 : 16;
  static final boolean ST_NLINK_IS_32 = AARCH64;
  static final int ST_MODE = AARCH64 ? 16 : 24;
  static final int ST_UID = AARCH64 ? 24 : 28;
  static final int ST_GID = AARCH64 ? 28 : 32;
  static final int ST_RDEV = AARCH64 ? 32 : 40;
  static final int ST_SIZE = 48;
  static final int ST_BLKSIZE = 56;
  static final int ST_BLOCKS = 64;
  static final int ST_ATIME = 72;
  static final int ST_MTIME = 88;
  static final int ST_CTIME = 104;
  static final int STAT_SIZE = 144;

  private Arch() {}
}
