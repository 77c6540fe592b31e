package io.jdock.union;

import io.jdock.sys.ErrnoException;
import io.jdock.sys.ExtendedAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * Extended attributes: answered from the layer's TOC while an inode is only in the lower layers,
 * from the upper file afterwards; setting or removing one copies the inode up first. Overlay and
 * jdock bookkeeping attributes are never shown and cannot be set.
 */
final class XattrOps {
  private final Tree tree;
  private final UpperDir upper;
  private final CopyUp copyUp;

  XattrOps(Tree tree, UpperDir upper, CopyUp copyUp) {
    this.tree = tree;
    this.upper = upper;
    this.copyUp = copyUp;
  }

  byte[] get(long ino, String name) throws FsException {
    if (OverlayMarkers.isHiddenXattr(name)) {
      throw new FsException(Errno.ENODATA);
    }
    tree.lock.readLock().lock();
    try {
      Inode node = tree.get(ino);
      int fd = orphanFd(node);
      byte[] v =
          fd >= 0
              ? ExtendedAttributes.fget(fd, name).orElse(null)
              : node.upper
                  ? ExtendedAttributes.lget(upper.abs(tree.path(node)), name).orElse(null)
                  : node.lower.readXattrs().get(name);
      if (v == null) {
        throw new FsException(Errno.ENODATA);
      }
      return v;
    } catch (ErrnoException e) {
      throw Failures.of(e);
    } finally {
      tree.lock.readLock().unlock();
    }
  }

  List<String> list(long ino) throws FsException {
    tree.lock.readLock().lock();
    try {
      Inode node = tree.get(ino);
      int fd = orphanFd(node);
      List<String> all =
          fd >= 0
              ? ExtendedAttributes.flist(fd)
              : node.upper
                  ? ExtendedAttributes.llist(upper.abs(tree.path(node)))
                  : new ArrayList<>(node.lower.readXattrs().keySet());
      all.removeIf(OverlayMarkers::isHiddenXattr);
      return all;
    } catch (ErrnoException e) {
      throw Failures.of(e);
    } finally {
      tree.lock.readLock().unlock();
    }
  }

  void set(long ino, String name, byte[] value, int flags) throws FsException {
    change(
        ino,
        name,
        abs -> ExtendedAttributes.lset(abs, name, value, flags),
        fd -> ExtendedAttributes.fset(fd, name, value, flags));
  }

  void remove(long ino, String name) throws FsException {
    change(
        ino,
        name,
        abs -> ExtendedAttributes.lremove(abs, name),
        fd -> ExtendedAttributes.fremove(fd, name));
  }

  private interface Change {
    void apply(String abs) throws ErrnoException;
  }

  private interface FdChange {
    void apply(int fd) throws ErrnoException;
  }

  /** A file that is open but has no name left is reached through an open descriptor. */
  private static int orphanFd(Inode node) {
    return node instanceof LeafInode l && !l.attached() ? l.anyUpperFd() : -1;
  }

  private void change(long ino, String name, Change change, FdChange fdChange) throws FsException {
    if (OverlayMarkers.isHiddenXattr(name)) {
      throw new FsException(Errno.EPERM, "reserved xattr " + name);
    }
    Inode node;
    tree.lock.readLock().lock();
    try {
      node = tree.get(ino);
    } finally {
      tree.lock.readLock().unlock();
    }
    if (node instanceof LeafInode leaf) {
      copyUp.leaf(leaf, true);
    }
    tree.lock.writeLock().lock();
    try {
      if (node instanceof DirInode d) {
        copyUp.dir(d);
      }
      int fd = orphanFd(node);
      if (fd >= 0) {
        fdChange.apply(fd);
      } else {
        change.apply(upper.abs(tree.path(node)));
      }
    } catch (ErrnoException e) {
      throw Failures.of(e);
    } finally {
      tree.lock.writeLock().unlock();
    }
  }
}
