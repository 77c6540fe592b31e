package io.jdock.union;

import io.jdock.sys.ErrnoException;
import io.jdock.sys.FileMode;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import io.jdock.sys.Stat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Copies lower inodes into the upper dir: data (sparse-aware), mode, owner, times and xattrs; every
 * hard-linked name of an inode becomes a link to the one upper copy. Directories are created with
 * their lower attributes. Lock order: a leaf's copy-up lock, then the tree's write lock for the
 * short install step; the data copy runs outside the tree lock.
 */
final class CopyUp {
  private final Tree tree;
  private final UpperDir upper;
  private final Ownership ownership;

  CopyUp(Tree tree, UpperDir upper, Ownership ownership) {
    this.tree = tree;
    this.upper = upper;
    this.ownership = ownership;
  }

  /** Copies a leaf up unless it is there already. Must be called without the tree lock. */
  void leaf(LeafInode n, boolean withData) throws FsException {
    if (n.upper) {
      return;
    }
    n.copyUpLock.lock();
    try {
      if (n.upper) {
        return;
      }
      LowerAttrs a = n.lower;
      if (FileMode.isRegular(a.mode())) {
        UpperDir.TmpFile tmp = fill(a, withData);
        try {
          install(n, () -> upper.install(tmp, tree.path(n)));
        } finally {
          tmp.discard();
        }
      } else {
        install(n, () -> createSpecial(a, upper.abs(tree.path(n))));
      }
    } catch (ErrnoException e) {
      throw Failures.of(e);
    } finally {
      n.copyUpLock.unlock();
    }
  }

  /** Makes sure a directory and its parents exist in the upper dir; needs the write lock. */
  void dir(DirInode d) throws FsException {
    if (d.upper) {
      return;
    }
    dir(d.parent);
    String rel = Tree.dirPath(d);
    LowerAttrs a = d.lower;
    try {
      keepingParentTimes(Tree.dirPath(d.parent), () -> Posix.mkdir(upper.abs(rel), 0700));
      finish(upper.abs(rel), -1, a);
    } catch (ErrnoException e) {
      throw Failures.of(e);
    }
    d.upper = true;
  }

  /**
   * Copies everything below a directory up, so that it no longer needs its lower layers (used
   * before a directory moves). Must be called without the tree lock; the caller re-checks {@link
   * #pendingLeaves} under the write lock.
   */
  void deep(DirInode d) throws FsException {
    while (true) {
      List<LeafInode> pending;
      tree.lock.readLock().lock();
      try {
        pending = pendingLeaves(d);
      } finally {
        tree.lock.readLock().unlock();
      }
      if (pending.isEmpty()) {
        return;
      }
      for (LeafInode leaf : pending) {
        leaf(leaf, true);
      }
    }
  }

  /** Leaves below D not yet in the upper dir; needs the tree lock. */
  static List<LeafInode> pendingLeaves(DirInode d) {
    List<LeafInode> out = new ArrayList<>();
    d.forEachDir(
        dir -> {
          for (Inode child : dir.children.values()) {
            if (child instanceof LeafInode l && !l.upper) {
              out.add(l);
            }
          }
        });
    return out;
  }

  /** Creates every directory below D in the upper dir; needs the write lock. */
  void dirsBelow(DirInode d) throws FsException {
    List<DirInode> dirs = new ArrayList<>();
    d.forEachDir(dirs::add);
    for (DirInode sub : dirs) {
      dir(sub);
    }
  }

  private UpperDir.TmpFile fill(LowerAttrs a, boolean withData) throws ErrnoException {
    UpperDir.TmpFile tmp = upper.newTmp(0600);
    try {
      if (withData && a.size() > 0) {
        int src = Posix.open(a.data(), OpenFlags.O_RDONLY | OpenFlags.O_CLOEXEC, 0);
        try {
          SparseCopy.copy(src, tmp.fd(), a.size());
        } finally {
          Posix.closeQuietly(src);
        }
      }
      finish(null, tmp.fd(), a);
      return tmp;
    } catch (ErrnoException | RuntimeException e) {
      tmp.discard();
      throw e;
    }
  }

  private void createSpecial(LowerAttrs a, String path) throws ErrnoException {
    if (FileMode.isSymlink(a.mode())) {
      Posix.symlink(a.symlinkTarget(), path);
    } else {
      Posix.mknod(path, a.mode(), a.rdev());
    }
    finish(path, -1, a);
  }

  /** Owner, mode, xattrs and times of a fresh upper copy. */
  private void finish(String path, int fd, LowerAttrs a) throws ErrnoException {
    ownership.apply(path, fd, a.uid(), a.gid(), a.mode());
    for (Map.Entry<String, byte[]> x : a.readXattrs().entrySet()) {
      Xattrs.copy(path, fd, x.getKey(), x.getValue(), ownership.privileged);
    }
    if (fd >= 0) {
      Posix.futimens(fd, a.mtimeSec(), a.mtimeNsec(), a.mtimeSec(), a.mtimeNsec());
    } else {
      Posix.lutimens(path, a.mtimeSec(), a.mtimeNsec(), a.mtimeSec(), a.mtimeNsec());
    }
  }

  private interface Step {
    void run() throws ErrnoException, FsException;
  }

  /** Under the write lock: parents up, the first name via STEP, the other names as links. */
  private void install(LeafInode n, Step firstName) throws ErrnoException, FsException {
    tree.lock.writeLock().lock();
    try {
      if (!n.attached()) {
        throw new FsException(Errno.ENOENT, "inode " + n.ino + " was removed");
      }
      for (LeafInode.Link link : n.links) {
        dir(link.parent());
      }
      String first = tree.path(n);
      keepingParentTimes(Tree.dirPath(n.links.get(0).parent()), firstName::run);
      for (LeafInode.Link link : n.links.subList(1, n.links.size())) {
        String other = Tree.child(Tree.dirPath(link.parent()), link.name());
        keepingParentTimes(
            Tree.dirPath(link.parent()), () -> Posix.link(upper.abs(first), upper.abs(other)));
      }
      n.upper = true;
    } finally {
      tree.lock.writeLock().unlock();
    }
  }

  /**
   * Runs STEP, then restores the times of the upper parent directory: a copy-up is not a change the
   * user made, so the directory keeps its times, as kernel overlayfs does.
   */
  private void keepingParentTimes(String parentRel, Step step) throws ErrnoException, FsException {
    String parent = upper.abs(parentRel);
    Stat before = Posix.lstat(parent);
    step.run();
    Posix.lutimens(
        parent, before.atimeSec(), before.atimeNsec(), before.mtimeSec(), before.mtimeNsec());
  }
}
