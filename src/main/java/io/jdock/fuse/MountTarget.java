package io.jdock.fuse;

import io.jdock.sys.Errno;
import io.jdock.sys.ErrnoException;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import io.jdock.sys.Stat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A directory checked to be mountable: FUSE is available, the path exists, is a directory, and is
 * not already a mount point. Remembers its device so that the new mount can be recognised.
 */
record MountTarget(Path path, long deviceBefore) {
  static final Path DEV_FUSE = Path.of("/dev/fuse");

  static MountTarget check(Path mountpoint) throws MountException {
    if (!Files.exists(DEV_FUSE)) {
      throw new MountException(
          "FUSE is not available: /dev/fuse does not exist (load the fuse kernel module)");
    }
    Path abs = mountpoint.toAbsolutePath().normalize();
    Stat st = stat(abs);
    if (!st.isDir()) {
      throw new MountException("mountpoint " + abs + " is not a directory");
    }
    Path real;
    boolean mounted;
    try {
      real = abs.toRealPath();
      mounted = MountTable.isMountPoint(real);
    } catch (IOException e) {
      throw new MountException("mountpoint " + abs + ": " + e.getMessage(), e);
    }
    if (mounted) {
      throw new MountException(
          isStale(real)
              ? describe(real, new ErrnoException(Errno.ENOTCONN, real.toString()))
              : "mountpoint " + real + " is already a mount point");
    }
    return new MountTarget(real, st.dev());
  }

  /**
   * Whether the mount on {@code dir} has lost its server. stat(2) may still answer from the
   * kernel's attribute cache; opening the directory needs the server.
   */
  private static boolean isStale(Path dir) {
    try {
      Posix.close(Posix.open(dir.toString(), OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY, 0));
      return false;
    } catch (ErrnoException e) {
      return e.errno() == Errno.ENOTCONN;
    }
  }

  /**
   * Confirms the mount answers: stat(2) of the mountpoint goes through the new file system (its
   * GETATTR reaches a worker) and shows a device other than the directory's own.
   */
  void confirmServed() throws MountException {
    Stat st = stat(path);
    if (st.dev() == deviceBefore) {
      throw new MountException("mounting on " + path + " had no effect");
    }
  }

  private static Stat stat(Path p) throws MountException {
    try {
      return Posix.stat(p.toString());
    } catch (ErrnoException e) {
      throw new MountException(describe(p, e), e);
    }
  }

  private static String describe(Path p, ErrnoException e) {
    return switch (e.errno()) {
      case Errno.ENOENT -> "mountpoint " + p + " does not exist";
      case Errno.ENOTDIR -> "mountpoint " + p + " is not a directory";
      case Errno.EACCES, Errno.EPERM -> "mountpoint " + p + ": permission denied";
      case Errno.ENOTCONN ->
          "mountpoint " + p + " is a stale FUSE mount whose server has died; unmount it first";
      default -> "mountpoint " + p + ": " + Errno.describe(e.errno());
    };
  }
}
