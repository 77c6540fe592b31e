package io.jdock.fuse;

import io.jdock.sys.Posix;
import java.nio.file.Path;

/** A way to create and remove FUSE mounts: mount(2) as root, or the fusermount3 helper. */
sealed interface Mounter permits KernelMounter, Fusermount {
  /** The FUSE file system type; the kernel shows it as {@code fuse.jdock}. */
  String SUBTYPE = "jdock";

  /** Mounts on {@code target} and returns the /dev/fuse descriptor of the new connection. */
  int mount(MountTarget target, MountOptions options) throws MountException;

  /**
   * Ends a mount this process serves. Returns true when the connection is over (workers see ENODEV
   * now), false when the mount could only be detached lazily and users still hold it.
   */
  boolean release(Path mountpoint) throws MountException;

  /** Unmounts {@code mountpoint}, also when its server has died; lazily detaches when asked. */
  void unmount(Path mountpoint, boolean lazy) throws MountException;

  static Mounter of(MountOptions.Mechanism mechanism) {
    return switch (mechanism) {
      case MOUNT_SYSCALL -> new KernelMounter();
      case FUSERMOUNT -> new Fusermount();
      case AUTO -> Posix.geteuid() == 0 ? new KernelMounter() : new Fusermount();
    };
  }
}
