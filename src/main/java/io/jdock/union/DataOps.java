package io.jdock.union;

import io.jdock.sys.ErrnoException;
import io.jdock.sys.FileMode;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import java.nio.ByteBuffer;

/**
 * Open files: opening (copying up first when the open may write), creating, reading straight from
 * the layer or upper file, writing, syncing and releasing.
 */
final class DataOps {
  private static final int OPEN_FLAGS_KEPT =
      OpenFlags.O_ACCMODE
          | OpenFlags.O_APPEND
          | OpenFlags.O_TRUNC
          | OpenFlags.O_SYNC
          | OpenFlags.O_DSYNC
          | OpenFlags.O_NOATIME;

  private final Tree tree;
  private final UpperDir upper;
  private final CopyUp copyUp;
  private final Namespace names;
  private final AttrView attrs;
  private final Handles handles;

  DataOps(
      Tree tree, UpperDir upper, CopyUp copyUp, Namespace names, AttrView attrs, Handles handles) {
    this.tree = tree;
    this.upper = upper;
    this.copyUp = copyUp;
    this.names = names;
    this.attrs = attrs;
    this.handles = handles;
  }

  long open(long ino, int flags) throws FsException {
    Inode node;
    tree.lock.readLock().lock();
    try {
      node = tree.get(ino);
    } finally {
      tree.lock.readLock().unlock();
    }
    if (!(node instanceof LeafInode leaf)) {
      throw new FsException(Errno.EISDIR);
    }
    boolean writes =
        (flags & OpenFlags.O_ACCMODE) != OpenFlags.O_RDONLY || (flags & OpenFlags.O_TRUNC) != 0;
    if (writes) {
      copyUp.leaf(leaf, (flags & OpenFlags.O_TRUNC) == 0);
    }
    tree.lock.readLock().lock();
    try {
      boolean onLower = !leaf.upper;
      String path = onLower ? leaf.lower.data() : upper.abs(tree.path(leaf));
      int openFlags = onLower ? OpenFlags.O_RDONLY : (flags & OPEN_FLAGS_KEPT);
      int fd = Posix.open(path, openFlags | OpenFlags.O_NOFOLLOW | OpenFlags.O_CLOEXEC, 0);
      return handles.open(leaf, flags, fd, onLower).fh;
    } catch (ErrnoException e) {
      throw Failures.of(e);
    } finally {
      tree.lock.readLock().unlock();
    }
  }

  Opened create(Caller caller, long parent, String name, int mode, int umask, int flags)
      throws FsException {
    tree.lock.writeLock().lock();
    try {
      int[] fd = {-1};
      int m = FileMode.S_IFREG | (mode & ~umask & FileMode.PERMISSIONS);
      Inode node = names.create(caller, tree.dir(parent), name, m, Namespace.regular(flags), fd);
      node.lookups.incrementAndGet();
      Handle h = handles.open((LeafInode) node, flags, fd[0], false);
      return new Opened(attrs.of(node), h.fh);
    } finally {
      tree.lock.writeLock().unlock();
    }
  }

  int read(long fh, ByteBuffer dst, long offset) throws FsException {
    Handle h = handles.file(fh);
    if (h.onLower() && h.inode.upper) {
      reopenUpper(h);
    }
    try {
      int total = 0;
      while (dst.hasRemaining()) {
        int wanted = dst.remaining();
        int n = Posix.pread(h.fd(), dst, offset + total);
        total += n;
        if (n < wanted) {
          break; // a short read of a regular file is its end: no second call to learn that
        }
      }
      return total;
    } catch (ErrnoException e) {
      throw Failures.of(e);
    }
  }

  /** A read handle of a file copied up since it was opened moves to the upper copy. */
  private void reopenUpper(Handle h) throws FsException {
    tree.lock.readLock().lock();
    try {
      if (h.onLower() && h.inode.attached()) {
        String path = upper.abs(tree.path(h.inode));
        h.moveToUpper(
            Posix.open(path, OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC | OpenFlags.O_NOFOLLOW, 0));
      }
    } catch (ErrnoException e) {
      throw Failures.of(e);
    } finally {
      tree.lock.readLock().unlock();
    }
  }

  int write(long fh, ByteBuffer src, long offset) throws FsException {
    Handle h = writableHandle(fh);
    try {
      int total = 0;
      while (src.hasRemaining()) {
        total += Posix.pwrite(h.fd(), src, offset + total);
      }
      return total;
    } catch (ErrnoException e) {
      throw Failures.of(e);
    }
  }

  void release(long fh) {
    Handle h = handles.close(fh);
    if (h != null && !h.inode.attached()) {
      tree.lock.writeLock().lock();
      try {
        tree.release(h.inode);
      } finally {
        tree.lock.writeLock().unlock();
      }
    }
  }

  void fsync(long fh, boolean datasync) throws FsException {
    Handle h = handles.file(fh);
    try {
      if (datasync) {
        Posix.fdatasync(h.fd());
      } else {
        Posix.fsync(h.fd());
      }
    } catch (ErrnoException e) {
      throw Failures.of(e);
    }
  }

  void fallocate(long fh, int mode, long offset, long length) throws FsException {
    Handle h = writableHandle(fh);
    try {
      Posix.fallocate(h.fd(), mode, offset, length);
    } catch (ErrnoException e) {
      throw Failures.of(e);
    }
  }

  private Handle writableHandle(long fh) throws FsException {
    Handle h = handles.file(fh);
    if (h.onLower()) {
      throw new FsException(Errno.EBADF, "handle is read-only");
    }
    return h;
  }
}
