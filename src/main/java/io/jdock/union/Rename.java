package io.jdock.union;

import io.jdock.sys.ErrnoException;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import io.jdock.sys.Stat;

/**
 * rename(2) and renameat2(2) over the union, for files and directories from any layer. What moves
 * is copied up first, outside the tree lock (a directory with lower content entirely, since the
 * upper dir must stay a plain OCI layer without redirects); then, under the write lock, the names
 * are checked again and the upper entries renamed, with whiteouts and opaque markers written so the
 * lower layers never show through where they should not.
 */
final class Rename {
  private final Tree tree;
  private final UpperDir upper;
  private final CopyUp copyUp;

  Rename(Tree tree, UpperDir upper, CopyUp copyUp) {
    this.tree = tree;
    this.upper = upper;
    this.copyUp = copyUp;
  }

  void rename(long parentIno, String name, long newParentIno, String newName, int flags)
      throws FsException {
    boolean exchange = (flags & OpenFlags.RENAME_EXCHANGE) != 0;
    boolean noReplace = (flags & OpenFlags.RENAME_NOREPLACE) != 0;
    if ((flags & ~(OpenFlags.RENAME_EXCHANGE | OpenFlags.RENAME_NOREPLACE)) != 0
        || (exchange && noReplace)) {
      throw new FsException(Errno.EINVAL);
    }
    Names.checkNew(newName);
    while (true) {
      Inode[] pair = resolve(parentIno, name, newParentIno, newName);
      prepare(pair[0]);
      if (exchange) {
        if (pair[1] == null) {
          throw new FsException(Errno.ENOENT);
        }
        prepare(pair[1]);
      }
      tree.lock.writeLock().lock();
      try {
        Inode[] now = resolve(parentIno, name, newParentIno, newName);
        if (now[0] != pair[0]
            || now[1] != pair[1]
            || !ready(now[0])
            || (exchange && !ready(now[1]))) {
          continue;
        }
        apply(tree.dir(parentIno), name, tree.dir(newParentIno), newName, now[0], now[1], flags);
        return;
      } finally {
        tree.lock.writeLock().unlock();
      }
    }
  }

  private Inode[] resolve(long parentIno, String name, long newParentIno, String newName)
      throws FsException {
    tree.lock.readLock().lock();
    try {
      DirInode parent = tree.dir(parentIno);
      DirInode newParent = tree.dir(newParentIno);
      return new Inode[] {Namespace.child(parent, name), newParent.children.get(newName)};
    } finally {
      tree.lock.readLock().unlock();
    }
  }

  private void prepare(Inode node) throws FsException {
    if (node instanceof LeafInode leaf) {
      copyUp.leaf(leaf, true);
    } else if (node instanceof DirInode d && d.mergesLower()) {
      copyUp.deep(d);
    }
  }

  private static boolean ready(Inode node) {
    if (node instanceof LeafInode leaf) {
      return leaf.upper;
    }
    DirInode d = (DirInode) node;
    return !d.mergesLower() || CopyUp.pendingLeaves(d).isEmpty();
  }

  private void apply(
      DirInode parent,
      String name,
      DirInode newParent,
      String newName,
      Inode src,
      Inode dst,
      int flags)
      throws FsException {
    boolean exchange = (flags & OpenFlags.RENAME_EXCHANGE) != 0;
    if (src == dst) {
      return;
    }
    checkTypes(src, dst, flags);
    if (src instanceof DirInode d && isAncestor(d, newParent)) {
      throw new FsException(Errno.EINVAL);
    }
    copyUp.dir(parent);
    copyUp.dir(newParent);
    moveable(src);
    if (exchange) {
      moveable(dst);
    }
    String dirRel = Tree.dirPath(parent);
    String newDirRel = Tree.dirPath(newParent);
    String oldRel = Tree.child(dirRel, name);
    String newRel = Tree.child(newDirRel, newName);
    try {
      if (!exchange && parent.needsWhiteout(name)) {
        upper.createWhiteout(dirRel, name);
        parent.whiteouts.add(name);
      }
      if (!exchange && dst instanceof DirInode && dst.upper) {
        upper.clearHidden(newRel);
      }
      landingOpaque(src, newParent, newName, oldRel);
      if (exchange) {
        landingOpaque(dst, parent, name, newRel);
      }
      Posix.rename(upper.abs(oldRel), upper.abs(newRel), exchange ? OpenFlags.RENAME_EXCHANGE : 0);
      if (!exchange && newParent.whiteouts.remove(newName)) {
        upper.removeWhiteout(newDirRel, newName);
      }
    } catch (ErrnoException e) {
      throw Failures.of(e);
    }
    if (exchange) {
      tree.exchange(parent, name, newParent, newName);
    } else {
      tree.move(parent, name, newParent, newName);
    }
  }

  private static void checkTypes(Inode src, Inode dst, int flags) throws FsException {
    if (dst == null) {
      return;
    }
    if ((flags & OpenFlags.RENAME_NOREPLACE) != 0) {
      throw new FsException(Errno.EEXIST);
    }
    if ((flags & OpenFlags.RENAME_EXCHANGE) != 0) {
      return;
    }
    if (src instanceof DirInode) {
      if (!(dst instanceof DirInode d)) {
        throw new FsException(Errno.ENOTDIR);
      }
      if (!d.children.isEmpty()) {
        throw new FsException(Errno.ENOTEMPTY);
      }
    } else if (dst instanceof DirInode) {
      throw new FsException(Errno.EISDIR);
    }
  }

  private static boolean isAncestor(DirInode d, DirInode of) {
    for (DirInode p = of; ; p = p.parent) {
      if (p == d) {
        return true;
      }
      if (p.isRoot()) {
        return false;
      }
    }
  }

  /** A directory about to move: its whole subtree in the upper dir, no lower names below it. */
  private void moveable(Inode node) throws FsException {
    if (node instanceof DirInode d && d.mergesLower()) {
      copyUp.dirsBelow(d);
      d.forEachDir(sub -> sub.lowerNames = java.util.Set.of());
      d.lower = null;
    }
  }

  /**
   * A directory landing where a lower layer has (or had, now whited out) an entry must be opaque,
   * or the lower directory's content would show through it.
   */
  private void landingOpaque(Inode node, DirInode target, String targetName, String currentRel)
      throws ErrnoException {
    if (node instanceof DirInode d && !d.opaque && target.needsWhiteout(targetName)) {
      markOpaqueKeepingTimes(currentRel);
      d.opaque = true;
      d.forEachDir(sub -> sub.lowerNames = java.util.Set.of());
    }
  }

  /** Writes the opaque marker into a dir without changing its times: a rename does not. */
  private void markOpaqueKeepingTimes(String rel) throws ErrnoException {
    String abs = upper.abs(rel);
    Stat before = Posix.lstat(abs);
    upper.markOpaque(rel);
    Posix.lutimens(
        abs, before.atimeSec(), before.atimeNsec(), before.mtimeSec(), before.mtimeNsec());
  }
}
