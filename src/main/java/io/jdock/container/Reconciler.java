package io.jdock.container;

import io.jdock.fuse.FuseMount;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ContainerState;
import io.jdock.store.ImageStore;
import io.jdock.store.NoSuchContainerException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Settles records that outlived the jdock process that ran their container (killed with SIGKILL): a
 * record that says running while no process holds the container's owner lock is stale. Its
 * container is killed if it is somehow still there, a rootfs mount left behind is unmounted, and
 * the record says exited (137, as for SIGKILL).
 */
final class Reconciler {
  static final int KILLED = 137;

  private final ImageStore store;
  private final Clock clock;

  Reconciler(ImageStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  ContainerRecord settle(ContainerRecord r) throws IOException {
    Path lock = store.paths().containerLock(r.id());
    Path rootfs = store.paths().containerRootfs(r.id());
    boolean running = r.state() instanceof ContainerState.Running;
    if (!running && !FuseMount.isMountPoint(rootfs)) {
      return r;
    }
    if (OwnerLock.isHeld(lock)) {
      return r;
    }
    if (FuseMount.isMountPoint(rootfs)) {
      FuseMount.unmount(rootfs, true);
    }
    if (!(r.state() instanceof ContainerState.Running run)) {
      return r;
    }
    if (Procs.isLive(run.pid()) && Procs.isInitStartedBy(run.pid(), run.started())) {
      ProcessHandle.of(run.pid()).ifPresent(ProcessHandle::destroyForcibly);
    }
    try {
      return store
          .containers()
          .update(
              r.id(),
              x ->
                  x.state() instanceof ContainerState.Running
                      ? x.withState(
                          new ContainerState.Exited(KILLED, run.started(), clock.instant()))
                      : x);
    } catch (NoSuchContainerException e) {
      return r;
    }
  }
}
