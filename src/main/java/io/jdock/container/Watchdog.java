package io.jdock.container;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Kills a container if the jdock process that runs it dies, even by SIGKILL: a small host shell, in
 * its own session, blocks reading a pipe only jdock writes to. When jdock is gone the pipe closes
 * and the shell SIGKILLs the container: its process group while it starts, then its PID 1 (once
 * jdock has told it), which ends the whole PID namespace. A parent-death signal would not do: the
 * kernel clears it when the container's process changes its user. jdock stops the watchdog first
 * when the container ends normally.
 */
final class Watchdog implements AutoCloseable {
  private static final String SCRIPT =
      "read b || { kill -KILL -\"$0\" 2>/dev/null || kill -KILL \"$0\"; exit 0; }\n"
          + "read _ || kill -KILL \"$b\"\n";

  private final Process process;

  private Watchdog(Process process) {
    this.process = process;
  }

  /**
   * Guards the container whose first process is FIRST: its process group when it leads one (it runs
   * in a session of its own without a terminal), else that process.
   */
  static Watchdog guard(long first) throws IOException, ContainerException {
    ProcessBuilder pb =
        new ProcessBuilder(
            List.of(HostTools.find("setsid"), "/bin/sh", "-c", SCRIPT, String.valueOf(first)));
    pb.redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")));
    pb.redirectError(ProcessBuilder.Redirect.to(new File("/dev/null")));
    pb.environment().put("PATH", HostTools.PATH);
    return new Watchdog(pb.start());
  }

  /** From now on guards the container's PID 1 (the group may have left by then). */
  void watch(long init) throws IOException {
    OutputStream out = process.getOutputStream();
    out.write((init + "\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  /** Closes jdock's end of the pipe, as jdock's death does (for tests). */
  void abandon() throws IOException {
    process.getOutputStream().close();
  }

  @Override
  public void close() {
    process.destroyForcibly();
    try {
      process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
