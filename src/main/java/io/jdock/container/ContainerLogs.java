package io.jdock.container;

import io.jdock.store.ContainerRecord;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * {@code jdock logs}: a container's logged output, each entry to jdock's stdout or stderr as it was
 * written; with {@code follow}, new output as it comes until the container stops.
 */
public final class ContainerLogs {
  private static final long POLL_MILLIS = 100;

  private final Containers containers;

  public ContainerLogs(Containers containers) {
    this.containers = containers;
  }

  /**
   * Writes the log of what ARG names.
   *
   * @param tail only the last N entries
   * @param timestamps a function that prefixes an entry (its time), or none
   */
  public void write(
      String arg,
      boolean follow,
      OptionalInt tail,
      Optional<Function<ContainerLog.Entry, String>> timestamps,
      OutputStream out,
      OutputStream err)
      throws IOException, ContainerException {
    ContainerRecord r = containers.find(arg);
    Path file = containers.store().paths().containerLog(r.id());
    Path lock = containers.store().paths().containerLock(r.id());
    if (!Files.exists(file)) {
      if (!follow) {
        return;
      }
      Files.createDirectories(file.getParent());
      Files.write(file, new byte[0], java.nio.file.StandardOpenOption.CREATE);
    }
    try (ContainerLog.LineReader reader = new ContainerLog.LineReader(file)) {
      Deque<ContainerLog.Entry> last = new ArrayDeque<>();
      for (Optional<String> line; (line = reader.next()).isPresent(); ) {
        Optional<ContainerLog.Entry> e = ContainerLog.parse(line.get());
        if (e.isEmpty()) {
          continue;
        }
        last.addLast(e.get());
        if (tail.isPresent() && last.size() > tail.getAsInt()) {
          last.removeFirst();
        }
      }
      for (ContainerLog.Entry e : last) {
        emit(e, timestamps, out, err);
      }
      while (follow && OwnerLock.isHeld(lock)) {
        Optional<String> line = reader.next();
        if (line.isEmpty()) {
          sleep();
          continue;
        }
        ContainerLog.parse(line.get()).ifPresent(e -> emitQuietly(e, timestamps, out, err));
      }
      for (Optional<String> line; follow && (line = reader.next()).isPresent(); ) {
        ContainerLog.parse(line.get()).ifPresent(e -> emitQuietly(e, timestamps, out, err));
      }
    }
  }

  private static void emit(
      ContainerLog.Entry e,
      Optional<Function<ContainerLog.Entry, String>> timestamps,
      OutputStream out,
      OutputStream err)
      throws IOException {
    OutputStream o = e.stderr() ? err : out;
    String text = timestamps.map(f -> f.apply(e) + " ").orElse("") + e.log();
    o.write(text.getBytes(StandardCharsets.UTF_8));
    o.flush();
  }

  private static void emitQuietly(
      ContainerLog.Entry e,
      Optional<Function<ContainerLog.Entry, String>> timestamps,
      OutputStream out,
      OutputStream err) {
    try {
      emit(e, timestamps, out, err);
    } catch (IOException x) {
      throw new java.io.UncheckedIOException(x);
    }
  }

  private static void sleep() {
    try {
      Thread.sleep(POLL_MILLIS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
