package io.jdock.container;

import io.jdock.fuse.FuseMount;
import io.jdock.fuse.MountOptions;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ImageStore;
import io.jdock.sys.Posix;
import io.jdock.union.LowerLayer;
import io.jdock.union.Union;
import io.jdock.union.UnionConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A container's root filesystem served by this process: the image's layers, the init layer and the
 * container's upper dir as a FUSE union at {@code containers/<id>/rootfs}. Once the container's
 * namespaces hold it, {@link #detach} takes it off the host's mount table: only the container sees
 * it from then on, and it goes away with the container's last process, even when jdock is killed.
 */
final class RootfsMount implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(RootfsMount.class.getName());
  private static final long END_TIMEOUT_SECONDS = 10;

  private final Path mountpoint;
  private final Union union;
  private final FuseMount mount;
  private boolean detached;

  private RootfsMount(Path mountpoint, Union union, FuseMount mount) {
    this.mountpoint = mountpoint;
    this.union = union;
    this.mount = mount;
  }

  /** The lower layers of a container: its image's, then its init layer. */
  static List<LowerLayer> lowers(ImageStore store, ContainerRecord r) throws IOException {
    List<LowerLayer> lowers =
        new ArrayList<>(Layers.lowerLayers(store, ContainerImages.of(store, r)));
    lowers.add(InitLayer.read(store.paths().containerInit(r.id())));
    return lowers;
  }

  /** Mounts the container's union and returns once it answers. */
  static RootfsMount mount(ImageStore store, ContainerRecord r) throws IOException {
    Path mp = store.paths().containerRootfs(r.id());
    if (FuseMount.isMountPoint(mp)) {
      FuseMount.unmount(mp, true); // left by a jdock that was killed while it started
    }
    Files.createDirectories(mp);
    Files.createDirectories(r.upperDir());
    boolean root = Posix.geteuid() == 0;
    Union union =
        Union.open(
            new UnionConfig(
                lowers(store, r),
                Optional.of(r.upperDir()),
                Optional.of(store.paths().containerWork(r.id())),
                root));
    MountOptions options =
        MountOptions.defaults().withFsName("jdock-" + r.shortId()).withSuidAndDevices(root);
    try {
      return new RootfsMount(mp, union, FuseMount.mount(union, mp, options));
    } catch (IOException | RuntimeException e) {
      union.destroy();
      throw e;
    }
  }

  Path path() {
    return mountpoint;
  }

  /**
   * Takes the mount off the host (a lazy unmount): the container's mount namespace keeps its copy
   * and this process serves it until the namespace is gone.
   */
  void detach() throws IOException {
    if (!detached && FuseMount.isMountPoint(mountpoint)) {
      FuseMount.unmount(mountpoint, true);
    }
    detached = true;
  }

  /** Waits until the container's namespaces let go of the mount, then stops serving it. */
  @Override
  public void close() {
    try {
      if (detached) {
        awaitEnd();
      }
      mount.close();
    } catch (IOException e) {
      LOG.log(Level.WARNING, "unmounting " + mountpoint + ": " + e.getMessage(), e);
    } finally {
      union.destroy();
    }
  }

  private void awaitEnd() {
    Thread waiter =
        new Thread(
            () -> {
              try {
                mount.awaitUnmounted();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    waiter.setDaemon(true);
    waiter.start();
    try {
      waiter.join(END_TIMEOUT_SECONDS * 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
