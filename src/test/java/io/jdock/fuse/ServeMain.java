package io.jdock.fuse;

import java.nio.file.Path;

/**
 * A separate JVM serving a {@link PassthroughFs} mount, for tests that signal or kill the serving
 * process: {@code ServeMain <dir> <mountpoint> [MOUNT_SYSCALL|FUSERMOUNT]}. Prints "READY" once the
 * mount answers and "UNMOUNTED" when it is gone.
 */
public final class ServeMain {
  private ServeMain() {}

  public static void main(String[] args) throws Exception {
    MountOptions options = MountOptions.defaults();
    if (args.length > 2) {
      options = options.withMechanism(MountOptions.Mechanism.valueOf(args[2]));
    }
    FuseMount mount =
        FuseMount.mount(new PassthroughFs(Path.of(args[0])), Path.of(args[1]), options);
    System.out.println("READY");
    System.out.flush();
    mount.awaitUnmounted();
    System.out.println("UNMOUNTED");
    System.out.flush();
  }
}
