package io.jdock.union;

import io.jdock.sys.ErrnoException;
import io.jdock.sys.FileMode;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import io.jdock.sys.Stat;

/** Applies a setattr request (chmod, chown, truncate, utimens) to an inode's upper file. */
final class AttrChanges {
  private final Ownership ownership;

  AttrChanges(Ownership ownership) {
    this.ownership = ownership;
  }

  void apply(Inode node, String abs, SetAttr c, int fd) throws ErrnoException, FsException {
    boolean symlink = FileMode.isSymlink(node.type);
    if (ownership.privileged) {
      if (c.uid().isPresent() || c.gid().isPresent()) {
        Posix.lchown(abs, c.uid().orElse(-1), c.gid().orElse(-1));
      }
      int mode = c.mode().orElse(-1);
      if (c.killSuidGid() && mode < 0 && FileMode.isRegular(node.type)) {
        mode = killed(Posix.lstat(abs).mode());
      }
      if (mode >= 0 && !symlink) {
        Posix.chmod(abs, mode);
      }
    } else if (c.uid().isPresent() || c.gid().isPresent() || c.mode().isPresent()) {
      Stat cur = ownership.present(abs, Posix.lstat(abs));
      int perm = c.mode().orElse(cur.permissions());
      ownership.apply(
          abs, -1, c.uid().orElse(cur.uid()), c.gid().orElse(cur.gid()), cur.type() | perm);
    }
    if (c.size().isPresent()) {
      if (!FileMode.isRegular(node.type)) {
        throw new FsException(FileMode.isDir(node.type) ? Errno.EISDIR : Errno.EINVAL);
      }
      if (fd >= 0) {
        Posix.ftruncate(fd, c.size().getAsLong());
      } else {
        Posix.truncate(abs, c.size().getAsLong());
      }
    }
    if (c.atimeNow() || c.atimeSec().isPresent() || c.mtimeNow() || c.mtimeSec().isPresent()) {
      Posix.lutimens(
          abs,
          c.atimeSec().orElse(0),
          nanos(c.atimeNow(), c.atimeSec().isPresent(), c.atimeNsec()),
          c.mtimeSec().orElse(0),
          nanos(c.mtimeNow(), c.mtimeSec().isPresent(), c.mtimeNsec()));
    }
  }

  /** The same for a file that is open but has no name left: through its descriptor. */
  void applyToFd(Inode node, int fd, SetAttr c) throws ErrnoException {
    if (c.uid().isPresent() || c.gid().isPresent()) {
      if (ownership.privileged) {
        Posix.fchown(fd, c.uid().orElse(-1), c.gid().orElse(-1));
      } else {
        Stat cur = Posix.fstat(fd);
        ownership.apply(null, fd, c.uid().orElse(cur.uid()), c.gid().orElse(cur.gid()), cur.mode());
      }
    }
    int mode = c.mode().orElse(-1);
    if (c.killSuidGid() && mode < 0) {
      mode = killed(Posix.fstat(fd).mode());
    }
    if (mode >= 0) {
      Posix.fchmod(fd, mode);
    }
    if (c.size().isPresent()) {
      Posix.ftruncate(fd, c.size().getAsLong());
    }
    if (c.atimeNow() || c.atimeSec().isPresent() || c.mtimeNow() || c.mtimeSec().isPresent()) {
      Posix.futimens(
          fd,
          c.atimeSec().orElse(0),
          nanos(c.atimeNow(), c.atimeSec().isPresent(), c.atimeNsec()),
          c.mtimeSec().orElse(0),
          nanos(c.mtimeNow(), c.mtimeSec().isPresent(), c.mtimeNsec()));
    }
  }

  private static long nanos(boolean now, boolean given, int nsec) {
    return now ? OpenFlags.UTIME_NOW : given ? nsec : OpenFlags.UTIME_OMIT;
  }

  /** The mode with set-user-ID cleared, and set-group-ID when the group may execute. */
  static int killed(int mode) {
    int m = mode & ~FileMode.S_ISUID;
    if ((m & 0010) != 0) {
      m &= ~FileMode.S_ISGID;
    }
    return m & FileMode.PERMISSIONS;
  }
}
