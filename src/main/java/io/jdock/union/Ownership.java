package io.jdock.union;

import io.jdock.sys.ErrnoException;
import io.jdock.sys.ExtendedAttributes;
import io.jdock.sys.FileMode;
import io.jdock.sys.Posix;
import io.jdock.sys.Stat;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Who owns upper files. A privileged (root) server sets real owners and modes. An unprivileged one
 * cannot chown, so where the wanted owner or mode differs from the real one it records them in the
 * xattr {@value #OVERRIDE_XATTR} ("uid:gid:0mode"), which the mount presents instead; that keeps
 * copied-up files root-owned as the image has them.
 */
final class Ownership {
  static final String OVERRIDE_XATTR = "user.jdock.override_stat";

  final boolean privileged;

  Ownership(boolean privileged) {
    this.privileged = privileged;
  }

  /** Sets owner and permission bits of an upper file (fd >= 0) or path (fd < 0). */
  void apply(String path, int fd, int uid, int gid, int mode) throws ErrnoException {
    boolean symlink = FileMode.isSymlink(mode);
    if (privileged) {
      if (fd >= 0) {
        Posix.fchown(fd, uid, gid);
        Posix.fchmod(fd, mode);
      } else {
        Posix.lchown(path, uid, gid);
        if (!symlink) {
          Posix.chmod(path, mode);
        }
      }
      return;
    }
    if (symlink) {
      return;
    }
    int realMode = (mode & FileMode.PERMISSIONS) | 0600 | (FileMode.isDir(mode) ? 0700 : 0);
    if (fd >= 0) {
      Posix.fchmod(fd, realMode);
    } else {
      Posix.chmod(path, realMode);
    }
    Stat st = fd >= 0 ? Posix.fstat(fd) : Posix.lstat(path);
    if (st.uid() != uid || st.gid() != gid || st.permissions() != (mode & FileMode.PERMISSIONS)) {
      byte[] value =
          (uid + ":" + gid + ":0" + Integer.toOctalString(mode & FileMode.PERMISSIONS))
              .getBytes(StandardCharsets.US_ASCII);
      if (fd >= 0) {
        ExtendedAttributes.fset(fd, OVERRIDE_XATTR, value, 0);
      } else {
        ExtendedAttributes.lset(path, OVERRIDE_XATTR, value, 0);
      }
    } else {
      removeOverride(path);
    }
  }

  /** The owner and mode to present for an upper file, applying a recorded override. */
  Stat present(String path, Stat st) throws ErrnoException {
    if (privileged || st.isSymlink()) {
      return st;
    }
    Optional<byte[]> v = ExtendedAttributes.lget(path, OVERRIDE_XATTR);
    if (v.isEmpty()) {
      return st;
    }
    String[] parts = new String(v.get(), StandardCharsets.US_ASCII).split(":");
    if (parts.length != 3) {
      return st;
    }
    try {
      int uid = Integer.parseInt(parts[0]);
      int gid = Integer.parseInt(parts[1]);
      int perm = Integer.parseInt(parts[2], 8) & FileMode.PERMISSIONS;
      return new Stat(
          st.dev(),
          st.ino(),
          st.nlink(),
          st.type() | perm,
          uid,
          gid,
          st.rdev(),
          st.size(),
          st.blocks(),
          st.atimeSec(),
          st.atimeNsec(),
          st.mtimeSec(),
          st.mtimeNsec(),
          st.ctimeSec(),
          st.ctimeNsec());
    } catch (NumberFormatException e) {
      return st;
    }
  }

  private void removeOverride(String path) {
    try {
      ExtendedAttributes.lremove(path, OVERRIDE_XATTR);
    } catch (ErrnoException ignored) {
      // absent: nothing to remove
    }
  }
}
