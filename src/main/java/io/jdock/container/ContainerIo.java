package io.jdock.container;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** How a container's standard streams are connected while jdock runs it. */
sealed interface ContainerIo permits ContainerIo.Terminal, ContainerIo.Streams {
  long DRAIN_MILLIS = 10_000;

  /** Sets the process's redirections. */
  void configure(ProcessBuilder pb);

  /** Starts copying once the process runs. */
  void attach(Process p);

  /** Waits (bounded) until the process's output is copied. */
  void finish();

  /** jdock's own terminal, handed to the container as it is ({@code run -it}). */
  record Terminal() implements ContainerIo {
    @Override
    public void configure(ProcessBuilder pb) {
      pb.inheritIO();
    }

    @Override
    public void attach(Process p) {}

    @Override
    public void finish() {}
  }

  /**
   * Pipes: stdin from {@code in} (or kept open and empty with {@code holdStdin}, else /dev/null),
   * stdout and stderr copied to {@code out} and {@code err} when present and to the log.
   */
  final class Streams implements ContainerIo {
    private final Optional<InputStream> in;
    private final boolean holdStdin;
    private final Optional<OutputStream> out;
    private final Optional<OutputStream> err;
    private final Optional<ContainerLog> log;
    private final List<Thread> relays = new ArrayList<>();

    Streams(
        Optional<InputStream> in,
        boolean holdStdin,
        Optional<OutputStream> out,
        Optional<OutputStream> err,
        Optional<ContainerLog> log) {
      this.in = in;
      this.holdStdin = holdStdin;
      this.out = out;
      this.err = err;
      this.log = log;
    }

    @Override
    public void configure(ProcessBuilder pb) {
      if (in.isEmpty() && !holdStdin) {
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
      }
    }

    @Override
    public void attach(Process p) {
      relays.add(new OutputRelay(p.getInputStream(), out, log, false).start("container-stdout"));
      relays.add(new OutputRelay(p.getErrorStream(), err, log, true).start("container-stderr"));
      if (in.isPresent()) {
        Thread t = new Thread(() -> copyStdin(in.get(), p.getOutputStream()), "container-stdin");
        t.setDaemon(true);
        t.start();
      }
    }

    private static void copyStdin(InputStream from, OutputStream to) {
      byte[] buf = new byte[8192];
      try (to) {
        for (int n; (n = from.read(buf)) > 0; ) {
          to.write(buf, 0, n);
          to.flush();
        }
      } catch (IOException e) {
        // the container closed its stdin or exited
      }
    }

    @Override
    public void finish() {
      long deadline = System.currentTimeMillis() + DRAIN_MILLIS;
      for (Thread t : relays) {
        try {
          t.join(Math.max(1, deadline - System.currentTimeMillis()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }
}
