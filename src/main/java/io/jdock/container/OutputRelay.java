package io.jdock.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Copies one output stream of a container, as it comes, to jdock's own stream (when attached) and
 * line by line to the container's log, until the container closes it.
 */
final class OutputRelay implements Runnable {
  private static final Logger LOG = Logger.getLogger(OutputRelay.class.getName());

  /** docker's json-file splits lines longer than this. */
  private static final int MAX_LINE = 16 * 1024;

  private final InputStream in;
  private final Optional<OutputStream> out;
  private final Optional<ContainerLog> log;
  private final boolean stderr;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();

  OutputRelay(
      InputStream in, Optional<OutputStream> out, Optional<ContainerLog> log, boolean stderr) {
    this.in = in;
    this.out = out;
    this.log = log;
    this.stderr = stderr;
  }

  /** Runs the relay on a daemon thread. */
  Thread start(String name) {
    Thread t = new Thread(this, name);
    t.setDaemon(true);
    t.start();
    return t;
  }

  @Override
  public void run() {
    byte[] buf = new byte[8192];
    try (in) {
      for (int n; (n = in.read(buf)) > 0; ) {
        if (out.isPresent()) {
          out.get().write(buf, 0, n);
          out.get().flush();
        }
        toLog(buf, n);
      }
      flushLine();
    } catch (IOException e) {
      LOG.log(Level.FINE, "relaying container output: " + e.getMessage(), e);
    }
  }

  private void toLog(byte[] buf, int n) throws IOException {
    if (log.isEmpty()) {
      return;
    }
    int start = 0;
    for (int i = 0; i < n; i++) {
      if (buf[i] == '\n') {
        line.write(buf, start, i + 1 - start);
        start = i + 1;
        flushLine();
      }
    }
    line.write(buf, start, n - start);
    if (line.size() >= MAX_LINE) {
      flushLine();
    }
  }

  private void flushLine() throws IOException {
    if (log.isPresent() && line.size() > 0) {
      byte[] b = line.toByteArray();
      log.get().write(stderr, b, 0, b.length);
    }
    line.reset();
  }
}
