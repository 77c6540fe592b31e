package io.jdock.container;

import io.jdock.fuse.FuseMount;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ContainerState;
import io.jdock.store.NoSuchContainerException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code jdock rm}: removes containers that do not run; with {@code -f} kills a running one first
 * and waits for the process that ran it to finish. Never deletes through a mount: a rootfs still
 * mounted is unmounted before the container's dir goes.
 */
final class ContainerRemover {
  private static final long WAIT_MILLIS = 20_000;

  private final Containers containers;

  ContainerRemover(Containers containers) {
    this.containers = containers;
  }

  /** Removes what ARG names. */
  void remove(String arg, boolean force) throws IOException, ContainerException {
    ContainerRecord r = containers.find(arg);
    Path lock = containers.store().paths().containerLock(r.id());
    boolean starting = !(r.state() instanceof ContainerState.Running) && OwnerLock.isHeld(lock);
    if (starting && !force) {
      throw running(r);
    }
    if (starting) {
      r = awaitStarted(r);
    }
    if (r.state() instanceof ContainerState.Running run) {
      if (!force) {
        throw running(r);
      }
      Procs.killContainer(run.pid());
      awaitOwnerGone(r);
    }
    removeStopped(r.id());
  }

  private static ContainerException running(ContainerRecord r) {
    return new ContainerException(
        "cannot remove container \"/"
            + r.name()
            + "\": container is running: stop the container before removing or force remove",
        1);
  }

  /** Waits until a container being started runs, or its start failed. */
  private ContainerRecord awaitStarted(ContainerRecord r) throws IOException, ContainerException {
    Path lock = containers.store().paths().containerLock(r.id());
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    ContainerRecord now = r;
    while (!(now.state() instanceof ContainerState.Running) && OwnerLock.isHeld(lock)) {
      if (System.currentTimeMillis() > deadline) {
        throw new ContainerException("container " + r.id() + " does not start", 1);
      }
      sleep();
      now = containers.find(r.id());
    }
    return now;
  }

  /** Waits until no process runs the container any more. */
  void awaitOwnerGone(ContainerRecord r) throws IOException, ContainerException {
    Path lock = containers.store().paths().containerLock(r.id());
    long deadline = System.currentTimeMillis() + WAIT_MILLIS;
    while (OwnerLock.isHeld(lock)) {
      if (System.currentTimeMillis() > deadline) {
        throw new ContainerException("container " + r.id() + " did not stop", 1);
      }
      sleep();
    }
  }

  /** Removes a container nobody runs: its rootfs unmounted if left mounted, then its dir. */
  void removeStopped(String id) throws IOException, ContainerException {
    Path rootfs = containers.store().paths().containerRootfs(id);
    if (FuseMount.isMountPoint(rootfs)) {
      FuseMount.unmount(rootfs, true);
    }
    if (FuseMount.isMountPoint(rootfs)) {
      throw new ContainerException("cannot remove container " + id + ": " + rootfs + " is busy");
    }
    try {
      containers.store().containers().remove(id);
    } catch (NoSuchContainerException e) {
      // removed meanwhile (by its own --rm)
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
