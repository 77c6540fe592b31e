package io.jdock.container;

import io.jdock.store.ContainerRecord;
import io.jdock.store.ContainerState;
import io.jdock.store.ImageStore;
import io.jdock.store.NoSuchContainerException;
import io.jdock.sys.ErrnoException;
import io.jdock.sys.Posix;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Runs one container to its end in this process, which plays docker's conmon: it serves the
 * container's rootfs, starts the container, records it running (with its PID 1), forwards signals
 * sent to jdock, and once it exits records the exit code, after the rootfs is gone. A start that
 * fails leaves the container as it was (created, or exited).
 */
final class ContainerRunner {
  /** Signals that reach the container instead of ending jdock (docker's --sig-proxy). */
  private static final List<String> PROXIED = List.of("INT", "TERM", "HUP", "USR2", "ALRM");

  private final ImageStore store;
  private final Clock clock;

  ContainerRunner(ImageStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /**
   * Runs R with IO; STARTED runs once the container's process runs (or has already run). Returns
   * the exit code.
   *
   * @throws ContainerException it could not start (already running, setup, user, command...)
   */
  int run(ContainerRecord r, ContainerIo io, Runnable started)
      throws IOException, ContainerException, InterruptedException {
    Optional<OwnerLock> lock = OwnerLock.tryAcquire(store.paths().containerLock(r.id()));
    if (lock.isEmpty()) {
      throw new ContainerException("container " + r.id() + " is already running");
    }
    try (OwnerLock held = lock.get()) {
      boolean privileged = Posix.geteuid() == 0;
      if (!privileged) {
        Rootless.check();
      }
      Instant start;
      int code;
      try (RootfsMount rootfs = mount(r)) {
        StartPlan plan = StartPlan.prepare(store.paths(), r, rootfs.path(), privileged);
        start = clock.instant();
        code = runProcess(r, plan, rootfs, io, started);
      }
      record(r.id(), new ContainerState.Exited(code, start, clock.instant()));
      return code;
    }
  }

  private RootfsMount mount(ContainerRecord r) throws IOException, ContainerException {
    try {
      return RootfsMount.mount(store, r);
    } catch (io.jdock.fuse.MountException e) {
      throw new ContainerException("mounting the container's filesystem: " + e.getMessage());
    }
  }

  /** Starts the container's process, supervises it, and returns its exit code. */
  private int runProcess(
      ContainerRecord r, StartPlan plan, RootfsMount rootfs, ContainerIo io, Runnable started)
      throws IOException, ContainerException, InterruptedException {
    ContainerProcess p = ContainerProcess.start(plan.argv(), io);
    int code;
    Optional<Long> init;
    try (Watchdog watchdog = Watchdog.guard(p.pid())) {
      try {
        init = p.awaitInit();
        rootfs.detach();
      } catch (InterruptedException | IOException | RuntimeException e) {
        p.kill(Optional.empty());
        throw e;
      }
      code =
          init.isPresent()
              ? supervise(r, p, init.get(), watchdog, clock.instant(), started)
              : p.waitFor();
    }
    io.finish();
    Optional<String> failure = plan.setupFailure(code);
    if (failure.isPresent()) {
      throw new ContainerException("setting up the container: " + failure.get());
    }
    if (init.isEmpty()) {
      started.run();
    }
    return code;
  }

  private int supervise(
      ContainerRecord r,
      ContainerProcess p,
      long init,
      Watchdog watchdog,
      Instant start,
      Runnable started)
      throws IOException, InterruptedException {
    try (Signals s = Signals.catching(PROXIED, sig -> forward(init, sig));
        Signals w = Signals.catching(List.of("WINCH"), sig -> forward(p.pid(), sig))) {
      watchdog.watch(init);
      record(r.id(), new ContainerState.Running(init, start));
      started.run();
      return p.waitFor();
    } catch (IOException | RuntimeException e) {
      p.kill(Optional.of(init));
      throw e;
    }
  }

  private static void forward(long pid, int signal) {
    try {
      Posix.kill((int) pid, signal);
    } catch (ErrnoException e) {
      // the container is gone already
    }
  }

  private void record(String id, ContainerState state) throws IOException {
    try {
      store.containers().update(id, x -> x.withState(state));
    } catch (NoSuchContainerException e) {
      // removed meanwhile (rm -f): nothing left to record
    }
  }
}
