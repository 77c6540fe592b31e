package io.jdock.fuse;

import io.jdock.sys.FileMode;
import io.jdock.union.Attr;
import io.jdock.union.FsStats;
import java.nio.ByteBuffer;

/**
 * Encoders of the reply structs of include/uapi/linux/fuse.h into a reused buffer at an absolute
 * offset, in native byte order. Every byte of a struct is written, padding included, because the
 * buffer holds the previous reply. Each method returns the number of bytes written.
 */
final class Replies {
  /**
   * Entry, attribute and negative-entry validity: effectively forever, since every change to the
   * tree goes through the mount, which keeps the kernel's caches coherent (fuse-overlayfs uses the
   * same 1e9 s).
   */
  static final long FOREVER_SECONDS = 1_000_000_000L;

  private Replies() {}

  /** fuse_out_header: total length, -errno or 0, and the request's unique id. */
  static void outHeader(ByteBuffer b, int length, int error, long unique) {
    b.putInt(0, length);
    b.putInt(4, error);
    b.putLong(8, unique);
  }

  /** struct fuse_attr (88 bytes). */
  static int attr(ByteBuffer b, int off, Attr a) {
    b.putLong(off, a.ino());
    b.putLong(off + 8, a.size());
    b.putLong(off + 16, a.blocks());
    b.putLong(off + 24, a.atimeSec());
    b.putLong(off + 32, a.mtimeSec());
    b.putLong(off + 40, a.ctimeSec());
    b.putInt(off + 48, a.atimeNsec());
    b.putInt(off + 52, a.mtimeNsec());
    b.putInt(off + 56, a.ctimeNsec());
    b.putInt(off + 60, a.mode());
    b.putInt(off + 64, (int) Math.min(a.nlink(), 0xffffffffL));
    b.putInt(off + 68, a.uid());
    b.putInt(off + 72, a.gid());
    b.putInt(off + 76, encodeDev(a.rdev()));
    b.putInt(off + 80, Attr.BLKSIZE);
    b.putInt(off + 84, 0);
    return Abi.ATTR_SIZE;
  }

  /** fuse_entry_out for an inode whose nodeid is its inode number (128 bytes). */
  static int entry(ByteBuffer b, int off, Attr a) {
    b.putLong(off, a.ino());
    b.putLong(off + 8, 0);
    b.putLong(off + 16, FOREVER_SECONDS);
    b.putLong(off + 24, FOREVER_SECONDS);
    b.putLong(off + 32, 0);
    attr(b, off + 40, a);
    return Abi.ENTRY_OUT_SIZE;
  }

  /**
   * fuse_entry_out with nodeid 0: a negative entry, cached for the entry timeout, when {@code
   * valid}; in a READDIRPLUS entry, "no attributes for this name" when not.
   */
  static int noEntry(ByteBuffer b, int off, boolean valid) {
    for (int i = 0; i < Abi.ENTRY_OUT_SIZE; i += 8) {
      b.putLong(off + i, 0);
    }
    if (valid) {
      b.putLong(off + 16, FOREVER_SECONDS);
    }
    return Abi.ENTRY_OUT_SIZE;
  }

  /** fuse_attr_out (104 bytes). */
  static int attrOut(ByteBuffer b, int off, Attr a) {
    b.putLong(off, FOREVER_SECONDS);
    b.putLong(off + 8, 0);
    attr(b, off + 16, a);
    return Abi.ATTR_OUT_SIZE;
  }

  /** fuse_open_out: handle and FOPEN_* flags (16 bytes; backing_id stays 0). */
  static int openOut(ByteBuffer b, int off, long fh, int openFlags) {
    b.putLong(off, fh);
    b.putInt(off + 8, openFlags);
    b.putInt(off + 12, 0);
    return Abi.OPEN_OUT_SIZE;
  }

  /** fuse_write_out, and fuse_getxattr_out, which has the same layout (8 bytes). */
  static int size(ByteBuffer b, int off, int size) {
    b.putInt(off, size);
    b.putInt(off + 4, 0);
    return Abi.WRITE_OUT_SIZE;
  }

  /** fuse_statfs_out (struct fuse_kstatfs, 80 bytes). */
  static int statfs(ByteBuffer b, int off, FsStats s) {
    b.putLong(off, s.blocks());
    b.putLong(off + 8, s.bfree());
    b.putLong(off + 16, s.bavail());
    b.putLong(off + 24, s.files());
    b.putLong(off + 32, s.ffree());
    b.putInt(off + 40, s.bsize());
    b.putInt(off + 44, s.namelen());
    b.putInt(off + 48, s.frsize());
    for (int i = 52; i < Abi.STATFS_OUT_SIZE; i += 4) {
      b.putInt(off + i, 0);
    }
    return Abi.STATFS_OUT_SIZE;
  }

  /** The size of a struct fuse_dirent with a name of {@code nameLength} bytes, padded. */
  static int direntSize(int nameLength) {
    return Abi.align8(Abi.DIRENT_HEADER_SIZE + nameLength);
  }

  /** struct fuse_dirent: inode, offset of the next entry, d_type, name, zero padding. */
  static int dirent(ByteBuffer b, int off, long ino, long nextOffset, int fileType, byte[] name) {
    int size = direntSize(name.length);
    b.putLong(off, ino);
    b.putLong(off + 8, nextOffset);
    b.putInt(off + 16, name.length);
    b.putInt(off + 20, (fileType & FileMode.S_IFMT) >>> 12);
    b.put(off + Abi.DIRENT_HEADER_SIZE, name);
    for (int i = Abi.DIRENT_HEADER_SIZE + name.length; i < size; i++) {
      b.put(off + i, (byte) 0);
    }
    return size;
  }

  /**
   * A FUSE_NOTIFY_INVAL_INODE notification (unique 0, the notify code in the error field) that
   * drops the kernel's cached attributes of {@code ino} and none of its pages (offset -1).
   */
  static int invalidateInode(ByteBuffer b, long ino) {
    int length = Abi.OUT_HEADER_SIZE + 24;
    outHeader(b, length, Abi.NOTIFY_INVAL_INODE, 0);
    b.putLong(16, ino);
    b.putLong(24, -1);
    b.putLong(32, 0);
    return length;
  }

  /** The kernel's new_encode_dev() of a glibc dev_t, as fuse_attr.rdev carries it. */
  static int encodeDev(long dev) {
    long major = FileMode.major(dev);
    long minor = FileMode.minor(dev);
    return (int) ((minor & 0xff) | (major << 8) | ((minor & ~0xffL) << 12));
  }

  /** The glibc dev_t of the kernel's new_encode_dev() form (fuse_mknod_in.rdev). */
  static long decodeDev(int encoded) {
    long x = Integer.toUnsignedLong(encoded);
    long major = (x & 0xfff00) >>> 8;
    long minor = (x & 0xff) | ((x >>> 12) & 0xfff00);
    return FileMode.makedev(major, minor);
  }
}
