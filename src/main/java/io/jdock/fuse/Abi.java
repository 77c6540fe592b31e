package io.jdock.fuse;

/**
 * Constants of the FUSE kernel ABI (include/uapi/linux/fuse.h): protocol version, INIT flags, open
 * reply flags, setattr validity bits and the fixed struct sizes.
 */
final class Abi {
  static final int KERNEL_VERSION = 7;

  /** The newest minor this binding implements; the kernel uses min(its own, this). */
  static final int MINOR_VERSION = 40;

  /** The oldest minor accepted: 7.23 added RENAME2 and the current reply struct sizes. */
  static final int MIN_MINOR_VERSION = 23;

  static final long ROOT_ID = 1;

  // INIT flags (fuse_init_in.flags / fuse_init_out.flags; bits 32..63 travel in flags2).
  static final long ASYNC_READ = 1L << 0;
  static final long POSIX_LOCKS = 1L << 1;
  static final long ATOMIC_O_TRUNC = 1L << 3;
  static final long EXPORT_SUPPORT = 1L << 4;
  static final long BIG_WRITES = 1L << 5;
  static final long DONT_MASK = 1L << 6;
  static final long FLOCK_LOCKS = 1L << 10;
  static final long DO_READDIRPLUS = 1L << 13;
  static final long READDIRPLUS_AUTO = 1L << 14;
  static final long WRITEBACK_CACHE = 1L << 16;
  static final long PARALLEL_DIROPS = 1L << 18;
  static final long HANDLE_KILLPRIV = 1L << 19;
  static final long MAX_PAGES = 1L << 22;
  static final long CACHE_SYMLINKS = 1L << 23;
  static final long HANDLE_KILLPRIV_V2 = 1L << 28;
  static final long INIT_EXT = 1L << 30;

  // fuse_open_out.open_flags
  static final int FOPEN_DIRECT_IO = 1;
  static final int FOPEN_KEEP_CACHE = 1 << 1;
  static final int FOPEN_CACHE_DIR = 1 << 3;

  // fuse_open_in.open_flags
  static final int OPEN_KILL_SUIDGID = 1;

  // fuse_setattr_in.valid
  static final int FATTR_MODE = 1;
  static final int FATTR_UID = 1 << 1;
  static final int FATTR_GID = 1 << 2;
  static final int FATTR_SIZE = 1 << 3;
  static final int FATTR_ATIME = 1 << 4;
  static final int FATTR_MTIME = 1 << 5;
  static final int FATTR_FH = 1 << 6;
  static final int FATTR_ATIME_NOW = 1 << 7;
  static final int FATTR_MTIME_NOW = 1 << 8;
  static final int FATTR_KILL_SUIDGID = 1 << 11;

  /** enum fuse_notify_code: FUSE_NOTIFY_INVAL_INODE. */
  static final int NOTIFY_INVAL_INODE = 2;

  static final int GETATTR_FH = 1;
  static final int WRITE_KILL_SUIDGID = 1 << 2;
  static final int FSYNC_FDATASYNC = 1;

  // Struct sizes in bytes.
  static final int IN_HEADER_SIZE = 40;
  static final int OUT_HEADER_SIZE = 16;
  static final int ATTR_SIZE = 88;
  static final int ENTRY_OUT_SIZE = 40 + ATTR_SIZE;
  static final int ATTR_OUT_SIZE = 16 + ATTR_SIZE;
  static final int OPEN_OUT_SIZE = 16;
  static final int WRITE_OUT_SIZE = 8;
  static final int STATFS_OUT_SIZE = 80;
  static final int XATTR_SIZE_OUT_SIZE = 8;
  static final int INIT_OUT_SIZE = 64;
  static final int DIRENT_HEADER_SIZE = 24;

  /** {@code _IOR(229, 0, uint32_t)}: attach a new /dev/fuse fd to an existing connection. */
  static final long DEV_IOC_CLONE = 0x8004e500L;

  /** The kernel's minimum read buffer, and slack for headers on top of max_write. */
  static final int MIN_READ_BUFFER = 8192;

  static final int HEADER_SLACK = 4096;

  /** Reply size limit for getxattr/listxattr values (XATTR_SIZE_MAX). */
  static final int XATTR_SIZE_MAX = 65536;

  private Abi() {}

  /** FUSE_REC_ALIGN: variable-length records are padded to 8 bytes. */
  static int align8(int n) {
    return (n + 7) & ~7;
  }
}
