package io.jdock.fuse;

import java.nio.ByteBuffer;

/**
 * The argument structs the kernel sends after {@code fuse_in_header}, one record per struct of
 * include/uapi/linux/fuse.h, decoded from native byte order at a given offset. Only the fields
 * jdock uses are kept; {@code SIZE} is the struct's length, where names or data follow it.
 */
final class Args {
  private Args() {}

  /** fuse_init_in; {@code flags} joins flags and flags2 (present when INIT_EXT is set). */
  record InitIn(int major, int minor, int maxReadahead, long flags) {
    static final int SIZE_BEFORE_7_36 = 16;

    static InitIn decode(ByteBuffer b, int off, int available) {
      long flags = Integer.toUnsignedLong(b.getInt(off + 12));
      if ((flags & Abi.INIT_EXT) != 0 && available >= SIZE_BEFORE_7_36 + 4) {
        flags |= Integer.toUnsignedLong(b.getInt(off + 16)) << 32;
      }
      return new InitIn(b.getInt(off), b.getInt(off + 4), b.getInt(off + 8), flags);
    }
  }

  /** fuse_forget_in, and one fuse_forget_one of BATCH_FORGET (16 bytes: nodeid, nlookup). */
  record ForgetIn(long nlookup) {
    static ForgetIn decode(ByteBuffer b, int off) {
      return new ForgetIn(b.getLong(off));
    }
  }

  /** fuse_getattr_in. */
  record GetattrIn(int flags, long fh) {
    static GetattrIn decode(ByteBuffer b, int off) {
      return new GetattrIn(b.getInt(off), b.getLong(off + 8));
    }
  }

  /** fuse_setattr_in (88 bytes). */
  record SetattrIn(
      int valid,
      long fh,
      long size,
      long atime,
      long mtime,
      int atimeNsec,
      int mtimeNsec,
      int mode,
      int uid,
      int gid) {
    static SetattrIn decode(ByteBuffer b, int off) {
      return new SetattrIn(
          b.getInt(off),
          b.getLong(off + 8),
          b.getLong(off + 16),
          b.getLong(off + 32),
          b.getLong(off + 40),
          b.getInt(off + 56),
          b.getInt(off + 60),
          b.getInt(off + 68),
          b.getInt(off + 76),
          b.getInt(off + 80));
    }
  }

  /** fuse_mknod_in; {@code rdev} in the kernel's new_encode_dev form. */
  record MknodIn(int mode, int rdev, int umask) {
    static final int SIZE = 16;

    static MknodIn decode(ByteBuffer b, int off) {
      return new MknodIn(b.getInt(off), b.getInt(off + 4), b.getInt(off + 8));
    }
  }

  /** fuse_mkdir_in. */
  record MkdirIn(int mode, int umask) {
    static final int SIZE = 8;

    static MkdirIn decode(ByteBuffer b, int off) {
      return new MkdirIn(b.getInt(off), b.getInt(off + 4));
    }
  }

  /** fuse_rename_in (RENAME, 8 bytes) or fuse_rename2_in (RENAME2, 16 bytes, with flags). */
  record RenameIn(long newDir, int flags, int size) {
    static RenameIn decode(ByteBuffer b, int off, boolean rename2) {
      return rename2
          ? new RenameIn(b.getLong(off), b.getInt(off + 8), 16)
          : new RenameIn(b.getLong(off), 0, 8);
    }
  }

  /** fuse_link_in. */
  record LinkIn(long oldNodeId) {
    static final int SIZE = 8;

    static LinkIn decode(ByteBuffer b, int off) {
      return new LinkIn(b.getLong(off));
    }
  }

  /** fuse_open_in: open(2) flags, and FUSE_OPEN_* flags. */
  record OpenIn(int flags, int openFlags) {
    static OpenIn decode(ByteBuffer b, int off) {
      return new OpenIn(b.getInt(off), b.getInt(off + 4));
    }
  }

  /** fuse_create_in. */
  record CreateIn(int flags, int mode, int umask, int openFlags) {
    static final int SIZE = 16;

    static CreateIn decode(ByteBuffer b, int off) {
      return new CreateIn(b.getInt(off), b.getInt(off + 4), b.getInt(off + 8), b.getInt(off + 12));
    }
  }

  /** fuse_read_in (READ, READDIR, READDIRPLUS). */
  record ReadIn(long fh, long offset, int size) {
    static ReadIn decode(ByteBuffer b, int off) {
      return new ReadIn(b.getLong(off), b.getLong(off + 8), b.getInt(off + 16));
    }
  }

  /** fuse_write_in; the data follows the 40-byte struct. */
  record WriteIn(long fh, long offset, int size, int writeFlags) {
    static final int SIZE = 40;

    static WriteIn decode(ByteBuffer b, int off) {
      return new WriteIn(
          b.getLong(off), b.getLong(off + 8), b.getInt(off + 16), b.getInt(off + 20));
    }
  }

  /** fuse_release_in, fuse_flush_in and fuse_fsync_in all start with the handle. */
  record HandleIn(long fh, int flags) {
    static HandleIn decode(ByteBuffer b, int off) {
      return new HandleIn(b.getLong(off), b.getInt(off + 8));
    }
  }

  /** fuse_getxattr_in (GETXATTR, with the name after it, and LISTXATTR). */
  record GetxattrIn(int size) {
    static final int SIZE = 8;

    static GetxattrIn decode(ByteBuffer b, int off) {
      return new GetxattrIn(b.getInt(off));
    }
  }

  /** fuse_setxattr_in in its 8-byte form (SETXATTR_EXT is not negotiated); name, then value. */
  record SetxattrIn(int size, int flags) {
    static final int SIZE = 8;

    static SetxattrIn decode(ByteBuffer b, int off) {
      return new SetxattrIn(b.getInt(off), b.getInt(off + 4));
    }
  }

  /** fuse_fallocate_in. */
  record FallocateIn(long fh, long offset, long length, int mode) {
    static FallocateIn decode(ByteBuffer b, int off) {
      return new FallocateIn(
          b.getLong(off), b.getLong(off + 8), b.getLong(off + 16), b.getInt(off + 24));
    }
  }
}
