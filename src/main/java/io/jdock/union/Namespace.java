package io.jdock.union;

import io.jdock.sys.ErrnoException;
import io.jdock.sys.FileMode;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;

/**
 * Changes of names: create, mknod, mkdir, symlink, link, unlink, rmdir. Each runs under the tree's
 * write lock and changes the upper dir first, in an order that is safe if the process dies midway:
 * a whiteout is written before the upper file it replaces goes, and a new file appears before the
 * whiteout it replaces goes (a whiteout hides only lower layers, never its own layer).
 */
final class Namespace {
  private final Tree tree;
  private final UpperDir upper;
  private final CopyUp copyUp;
  private final Ownership ownership;

  Namespace(Tree tree, UpperDir upper, CopyUp copyUp, Ownership ownership) {
    this.tree = tree;
    this.upper = upper;
    this.copyUp = copyUp;
    this.ownership = ownership;
  }

  /** What a new entry is: its type and how to make it at an absolute upper path. */
  interface Maker {
    /** Creates the entry and returns an open fd for regular files (else -1). */
    int make(String absPath, int mode) throws ErrnoException;
  }

  /**
   * Creates NAME in PARENT with MAKER and returns the new inode (write lock held by caller); the
   * owner is the caller's, the group the parent's when the parent is set-group-ID.
   */
  Inode create(Caller caller, DirInode parent, String name, int mode, Maker maker, int[] fdOut)
      throws FsException {
    Names.checkNew(name);
    if (parent.children.containsKey(name)) {
      throw new FsException(Errno.EEXIST);
    }
    copyUp.dir(parent);
    String dirRel = Tree.dirPath(parent);
    String rel = Tree.child(dirRel, name);
    String abs = upper.abs(rel);
    io.jdock.sys.Stat parentStat = parentStat(parent);
    boolean sgid = (parentStat.mode() & FileMode.S_ISGID) != 0;
    int gid = sgid ? parentStat.gid() : caller.gid();
    if (sgid && FileMode.isDir(mode)) {
      mode |= FileMode.S_ISGID;
    }
    int fd = -1;
    try {
      fd = maker.make(abs, FileMode.isDir(mode) ? 0700 : 0600);
      ownership.apply(abs, fd, caller.uid(), gid, mode);
      boolean replacesWhiteout = parent.whiteouts.contains(name);
      if (replacesWhiteout && FileMode.isDir(mode)) {
        upper.markOpaque(rel);
      }
      if (replacesWhiteout) {
        upper.removeWhiteout(dirRel, name);
        parent.whiteouts.remove(name);
      }
      Inode node;
      if (FileMode.isDir(mode)) {
        DirInode d = tree.newDir(parent, name);
        d.opaque = replacesWhiteout;
        node = d;
      } else {
        node = tree.newLeaf(mode & FileMode.S_IFMT);
      }
      node.upper = true;
      tree.attach(parent, name, node);
      if (fdOut != null) {
        fdOut[0] = fd;
        fd = -1;
      }
      return node;
    } catch (ErrnoException e) {
      throw Failures.of(e);
    } finally {
      Posix.closeQuietly(fd);
    }
  }

  /** Adds NEWNAME in NEWPARENT for an upper leaf (write lock held; the leaf copied up before). */
  void link(LeafInode leaf, DirInode newParent, String newName) throws FsException {
    Names.checkNew(newName);
    if (newParent.children.containsKey(newName)) {
      throw new FsException(Errno.EEXIST);
    }
    if (!leaf.upper || !leaf.attached()) {
      throw new FsException(Errno.ENOENT, "link source changed");
    }
    copyUp.dir(newParent);
    String dirRel = Tree.dirPath(newParent);
    try {
      Posix.link(upper.abs(tree.path(leaf)), upper.abs(Tree.child(dirRel, newName)));
      if (newParent.whiteouts.remove(newName)) {
        upper.removeWhiteout(dirRel, newName);
      }
    } catch (ErrnoException e) {
      throw Failures.of(e);
    }
    tree.attach(newParent, newName, leaf);
  }

  void unlink(DirInode parent, String name) throws FsException {
    Inode node = child(parent, name);
    if (node instanceof DirInode) {
      throw new FsException(Errno.EISDIR);
    }
    remove(parent, name, node);
  }

  void rmdir(DirInode parent, String name) throws FsException {
    Inode node = child(parent, name);
    if (!(node instanceof DirInode d)) {
      throw new FsException(Errno.ENOTDIR);
    }
    if (!d.children.isEmpty()) {
      throw new FsException(Errno.ENOTEMPTY);
    }
    remove(parent, name, d);
  }

  /** Removes an entry: whiteout first (if a lower layer has the name), then the upper entry. */
  private void remove(DirInode parent, String name, Inode node) throws FsException {
    String dirRel = Tree.dirPath(parent);
    String rel = Tree.child(dirRel, name);
    try {
      if (parent.needsWhiteout(name)) {
        copyUp.dir(parent);
        upper.createWhiteout(dirRel, name);
        parent.whiteouts.add(name);
      }
      if (node.upper) {
        if (node instanceof DirInode) {
          upper.clearHidden(rel);
          Posix.rmdir(upper.abs(rel));
        } else {
          Posix.unlink(upper.abs(rel));
        }
      }
    } catch (ErrnoException e) {
      throw Failures.of(e);
    }
    tree.detach(parent, name);
  }

  /** The child NAME of PARENT; ENOENT when absent, ENAMETOOLONG for a name no file can have. */
  static Inode child(DirInode parent, String name) throws FsException {
    Names.checkLength(name);
    Inode node = Names.visible(name) ? parent.children.get(name) : null;
    if (node == null) {
      throw new FsException(Errno.ENOENT);
    }
    return node;
  }

  private io.jdock.sys.Stat parentStat(DirInode parent) throws FsException {
    try {
      String path = upper.abs(Tree.dirPath(parent));
      return ownership.present(path, Posix.lstat(path));
    } catch (ErrnoException e) {
      throw Failures.of(e);
    }
  }

  /** Makers for the kinds of new entries. */
  static Maker regular(int flags) {
    return (abs, mode) ->
        Posix.open(
            abs,
            (flags & (OpenFlags.O_ACCMODE | OpenFlags.O_APPEND))
                | OpenFlags.O_CREAT
                | OpenFlags.O_EXCL
                | OpenFlags.O_NOFOLLOW
                | OpenFlags.O_CLOEXEC,
            mode);
  }

  static Maker node(int type, long rdev) {
    return (abs, mode) -> {
      Posix.mknod(abs, type | mode, rdev);
      return -1;
    };
  }

  static Maker directory() {
    return (abs, mode) -> {
      Posix.mkdir(abs, mode);
      return -1;
    };
  }

  static Maker symlink(String target) {
    return (abs, mode) -> {
      Posix.symlink(target, abs);
      return -1;
    };
  }
}
