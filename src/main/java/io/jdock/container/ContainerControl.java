package io.jdock.container;

import io.jdock.store.ContainerRecord;
import io.jdock.store.ContainerState;
import io.jdock.sys.ErrnoException;
import io.jdock.sys.Posix;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code jdock stop} and {@code kill}: signals to a container's PID 1, which (as in docker) gets
 * only the signals it handles, except SIGKILL. {@code stop} sends the image's stop signal (SIGTERM
 * by default), waits, then SIGKILLs.
 */
public final class ContainerControl {
  private static final int SIGKILL = 9;
  private static final long KILL_WAIT_MILLIS = 10_000;

  private final Containers containers;

  public ContainerControl(Containers containers) {
    this.containers = containers;
  }

  /**
   * Stops what ARG names: its stop signal (or SIGNAL), then SIGKILL after SECONDS (negative: wait
   * forever). A container that does not run is left as it is.
   */
  public void stop(String arg, int seconds, Optional<String> signal)
      throws IOException, ContainerException {
    ContainerRecord r = containers.find(arg);
    if (!(r.state() instanceof ContainerState.Running run)) {
      return;
    }
    String stopSignal = r.config().stopSignal();
    int sig =
        SignalNames.parse(
            signal.orElse(stopSignal == null || stopSignal.isEmpty() ? "TERM" : stopSignal));
    send(run.pid(), sig);
    if (!awaitStopped(r, seconds < 0 ? Long.MAX_VALUE : seconds * 1000L)) {
      send(run.pid(), SIGKILL);
      if (!awaitStopped(r, KILL_WAIT_MILLIS)) {
        throw new ContainerException("container " + r.id() + " did not stop", 1);
      }
    }
  }

  /** Sends SIGNAL to what ARG names, which must be running. */
  public void kill(String arg, String signal) throws IOException, ContainerException {
    int sig = SignalNames.parse(signal);
    ContainerRecord r = containers.find(arg);
    if (!(r.state() instanceof ContainerState.Running run)) {
      throw new ContainerException(
          "cannot kill container: " + arg + ": container " + r.id() + " is not running", 1);
    }
    send(run.pid(), sig);
    if (sig == SIGKILL) {
      awaitStopped(r, KILL_WAIT_MILLIS);
    }
  }

  private static void send(long pid, int sig) throws ContainerException {
    if (sig == SIGKILL) {
      Procs.killContainer(pid);
      return;
    }
    try {
      Posix.kill((int) pid, sig);
    } catch (ErrnoException e) {
      if (e.errno() != io.jdock.sys.Errno.ESRCH) {
        throw new ContainerException("cannot signal process " + pid + ": " + e.getMessage(), 1);
      }
    }
  }

  /** Waits until the process running R has recorded its end; false on timeout. */
  private boolean awaitStopped(ContainerRecord r, long millis) throws IOException {
    Path lock = containers.store().paths().containerLock(r.id());
    long deadline = millis == Long.MAX_VALUE ? Long.MAX_VALUE : System.currentTimeMillis() + millis;
    while (OwnerLock.isHeld(lock)) {
      if (System.currentTimeMillis() >= deadline) {
        return false;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return true;
  }
}
