package io.jdock.union;

/**
 * The attributes of an inode as the mount presents them (struct stat): {@code mode} carries the
 * type bits and the 12 permission bits.
 */
public record Attr(
    long ino,
    int mode,
    long nlink,
    int uid,
    int gid,
    long rdev,
    long size,
    long blocks,
    long atimeSec,
    int atimeNsec,
    long mtimeSec,
    int mtimeNsec,
    long ctimeSec,
    int ctimeNsec) {

  /** The preferred I/O size reported to the kernel. */
  public static final int BLKSIZE = 4096;
}
