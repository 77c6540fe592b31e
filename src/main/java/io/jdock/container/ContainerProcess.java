package io.jdock.container;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The host process that becomes a container: started by this JVM (which reaps it and gets its exit
 * status), it runs the setup script in new namespaces and ends as the process that waits for the
 * container's PID 1 and exits as it does ({@code unshare --fork} reports a signal death as 128+N).
 */
final class ContainerProcess {
  private static final long POLL_MILLIS = 5;

  private final Process process;

  private ContainerProcess(Process process) {
    this.process = process;
  }

  /** Starts ARGV with a clean environment and the I/O of IO. */
  static ContainerProcess start(List<String> argv, ContainerIo io) throws IOException {
    ProcessBuilder pb = new ProcessBuilder(argv);
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", HostTools.PATH);
    env.put("SHELL", "/bin/sh");
    env.put("LC_ALL", "C");
    io.configure(pb);
    Process p = pb.start();
    io.attach(p);
    return new ContainerProcess(p);
  }

  long pid() {
    return process.pid();
  }

  /**
   * Waits until the container's PID 1 exists and has entered the rootfs; empty if the process ended
   * first (a setup failure, or a command that finished at once).
   */
  Optional<Long> awaitInit() throws InterruptedException {
    ProcessHandle h = process.toHandle();
    Optional<Long> init = Optional.empty();
    while (process.isAlive()) {
      if (init.isEmpty()) {
        init = Procs.namespaceInit(h);
      }
      if (init.isPresent() && (Procs.hasOwnRoot(init.get()) || !Procs.isLive(init.get()))) {
        return init;
      }
      Thread.sleep(POLL_MILLIS);
    }
    return Optional.empty();
  }

  /** Waits for the exit status (128+N for a signal). */
  int waitFor() throws InterruptedException {
    return process.waitFor();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Kills the whole container if it is still there (its PID 1 first). */
  void kill(Optional<Long> init) {
    init.ifPresent(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
    process.destroyForcibly();
  }
}
