package io.jdock.sys;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The fields of struct stat jdock uses; times are seconds plus nanoseconds. */
public record Stat(
    long dev,
    long ino,
    long nlink,
    int mode,
    int uid,
    int gid,
    long rdev,
    long size,
    long blocks,
    long atimeSec,
    long atimeNsec,
    long mtimeSec,
    long mtimeNsec,
    long ctimeSec,
    long ctimeNsec) {

  static Stat decode(byte[] raw) {
    ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.nativeOrder());
    long nlink =
        Arch.ST_NLINK_IS_32
            ? Integer.toUnsignedLong(b.getInt(Arch.ST_NLINK))
            : b.getLong(Arch.ST_NLINK);
    return new Stat(
        b.getLong(Arch.ST_DEV),
        b.getLong(Arch.ST_INO),
        nlink,
        b.getInt(Arch.ST_MODE),
        b.getInt(Arch.ST_UID),
        b.getInt(Arch.ST_GID),
        b.getLong(Arch.ST_RDEV),
        b.getLong(Arch.ST_SIZE),
        b.getLong(Arch.ST_BLOCKS),
        b.getLong(Arch.ST_ATIME),
        b.getLong(Arch.ST_ATIME + 8),
        b.getLong(Arch.ST_MTIME),
        b.getLong(Arch.ST_MTIME + 8),
        b.getLong(Arch.ST_CTIME),
        b.getLong(Arch.ST_CTIME + 8));
  }

  public int type() {
    return mode & FileMode.S_IFMT;
  }

  public int permissions() {
    return mode & FileMode.PERMISSIONS;
  }

  public boolean isDir() {
    return FileMode.isDir(mode);
  }

  public boolean isRegular() {
    return FileMode.isRegular(mode);
  }

  public boolean isSymlink() {
    return FileMode.isSymlink(mode);
  }
}
