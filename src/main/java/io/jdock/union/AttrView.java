package io.jdock.union;

import io.jdock.sys.ErrnoException;
import io.jdock.sys.FileMode;
import io.jdock.sys.Posix;
import io.jdock.sys.Stat;
import java.nio.charset.StandardCharsets;

/**
 * Builds the attributes the mount shows for an inode: from the lower entry while the inode is only
 * in the lower layers, from the upper file once it is in the upper dir. Inode numbers and link
 * counts always come from the tree (directories: 2 + subdirectories; others: their names).
 */
final class AttrView {
  private static final int DIR_SIZE = 4096;

  private final Tree tree;
  private final UpperDir upper;
  private final Ownership ownership;

  AttrView(Tree tree, UpperDir upper, Ownership ownership) {
    this.tree = tree;
    this.upper = upper;
    this.ownership = ownership;
  }

  /** The attributes of an inode; the caller holds the tree's read or write lock. */
  Attr of(Inode inode) throws FsException {
    long nlink =
        inode instanceof DirInode d ? 2 + d.countSubdirs() : ((LeafInode) inode).links.size();
    if (inode.upper) {
      return fromStat(inode, upperStat(inode), nlink);
    }
    LowerAttrs a = inode.lower;
    if (a == null) {
      throw new FsException(Errno.EIO, "inode " + inode.ino + " has no backing");
    }
    long size = sizeOf(a);
    return new Attr(
        inode.ino,
        a.mode(),
        nlink,
        a.uid(),
        a.gid(),
        a.rdev(),
        size,
        (size + 511) / 512,
        a.mtimeSec(),
        a.mtimeNsec(),
        a.mtimeSec(),
        a.mtimeNsec(),
        a.mtimeSec(),
        a.mtimeNsec());
  }

  private static long sizeOf(LowerAttrs a) {
    if (FileMode.isDir(a.mode())) {
      return DIR_SIZE;
    }
    if (FileMode.isSymlink(a.mode())) {
      return a.symlinkTarget().getBytes(StandardCharsets.UTF_8).length;
    }
    return a.size();
  }

  private Stat upperStat(Inode inode) throws FsException {
    try {
      if (inode instanceof LeafInode l && !l.attached()) {
        return orphanStat(l);
      }
      String path = upper.abs(tree.path(inode));
      return ownership.present(path, Posix.lstat(path));
    } catch (ErrnoException e) {
      throw new FsException(Errno.of(e.errno()), e.getMessage());
    }
  }

  private static Stat orphanStat(LeafInode l) throws ErrnoException, FsException {
    int fd = l.anyUpperFd();
    if (fd < 0) {
      throw new FsException(Errno.ENOENT, "inode " + l.ino + " was removed");
    }
    return Posix.fstat(fd);
  }

  private static Attr fromStat(Inode inode, Stat st, long nlink) {
    return new Attr(
        inode.ino,
        st.mode(),
        nlink,
        st.uid(),
        st.gid(),
        st.rdev(),
        st.size(),
        st.blocks(),
        st.atimeSec(),
        (int) st.atimeNsec(),
        st.mtimeSec(),
        (int) st.mtimeNsec(),
        st.ctimeSec(),
        (int) st.ctimeNsec());
  }
}
