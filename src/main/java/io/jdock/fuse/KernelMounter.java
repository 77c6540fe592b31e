package io.jdock.fuse;

import io.jdock.sys.Errno;
import io.jdock.sys.ErrnoException;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import java.nio.file.Path;

/**
 * Mounting as root: open /dev/fuse and call mount(2) with the descriptor in the mount data
 * (Documentation/filesystems/fuse.rst, "Mount options"); umount2(2) to unmount.
 */
final class KernelMounter implements Mounter {
  @Override
  public int mount(MountTarget target, MountOptions options) throws MountException {
    int fd = openDevice();
    String data =
        "fd="
            + fd
            + ",rootmode=40000,user_id="
            + Posix.getuid()
            + ",group_id="
            + Posix.getgid()
            + ",default_permissions"
            + (options.allowOther() ? ",allow_other" : "")
            + ",max_read="
            + options.maxWrite();
    long flags =
        OpenFlags.MS_NOATIME
            | (options.readOnly() ? OpenFlags.MS_RDONLY : 0)
            | (options.suidAndDevices() ? 0 : OpenFlags.MS_NOSUID | OpenFlags.MS_NODEV);
    try {
      Posix.mount(options.fsName(), target.path().toString(), "fuse." + SUBTYPE, flags, data);
      return fd;
    } catch (ErrnoException e) {
      Posix.closeQuietly(fd);
      throw new MountException(mountError(target.path(), e.errno()), e);
    }
  }

  private static int openDevice() throws MountException {
    try {
      return Posix.open(MountTarget.DEV_FUSE.toString(), OpenFlags.O_RDWR | OpenFlags.O_CLOEXEC, 0);
    } catch (ErrnoException e) {
      String why =
          switch (e.errno()) {
            case Errno.EACCES, Errno.EPERM -> "permission denied opening /dev/fuse";
            case Errno.ENOENT, Errno.ENODEV, Errno.ENXIO ->
                "FUSE is not available: cannot open /dev/fuse (load the fuse kernel module)";
            default -> "opening /dev/fuse: " + Errno.describe(e.errno());
          };
      throw new MountException(why, e);
    }
  }

  private static String mountError(Path p, int errno) {
    return switch (errno) {
      case Errno.EPERM, Errno.EACCES ->
          "mounting on " + p + ": permission denied (mount(2) needs root; try fusermount3)";
      case Errno.ENODEV -> "FUSE is not available: the kernel has no fuse file system type";
      default -> "mounting on " + p + ": " + Errno.describe(errno);
    };
  }

  /** Busy mounts are forced: MNT_FORCE aborts the FUSE connection, MNT_DETACH removes the mount. */
  @Override
  public boolean release(Path mountpoint) throws MountException {
    String p = mountpoint.toString();
    try {
      Posix.umount2(p, 0);
      return true;
    } catch (ErrnoException e) {
      if (e.errno() == Errno.EINVAL || e.errno() == Errno.ENOENT) {
        return true; // someone unmounted it already
      }
      if (e.errno() != Errno.EBUSY) {
        throw new MountException(unmountError(mountpoint, e.errno()), e);
      }
    }
    try {
      Posix.umount2(p, OpenFlags.MNT_FORCE);
    } catch (ErrnoException stillBusy) {
      try {
        Posix.umount2(p, OpenFlags.MNT_DETACH);
      } catch (ErrnoException e) {
        throw new MountException(unmountError(mountpoint, e.errno()), e);
      }
    }
    return true;
  }

  @Override
  public void unmount(Path mountpoint, boolean lazy) throws MountException {
    try {
      Posix.umount2(mountpoint.toString(), lazy ? OpenFlags.MNT_DETACH : 0);
    } catch (ErrnoException e) {
      throw new MountException(unmountError(mountpoint, e.errno()), e);
    }
  }

  private static String unmountError(Path p, int errno) {
    return switch (errno) {
      case Errno.EINVAL -> p + " is not a mount point";
      case Errno.ENOENT -> p + " does not exist";
      case Errno.EBUSY -> "unmounting " + p + ": target is busy";
      case Errno.EPERM, Errno.EACCES -> "unmounting " + p + ": permission denied";
      default -> "unmounting " + p + ": " + Errno.describe(errno);
    };
  }
}
