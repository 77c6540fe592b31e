package io.jdock.cli;

import io.jdock.cli.format.Units;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ContainerState;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fields of one {@code ps} row, as docker's container formatter renders them
 * (cli/command/formatter/container.go): a quoted and truncated COMMAND, CREATED as "5 minutes ago",
 * STATUS as "Up 5 minutes", "Exited (0) 6 minutes ago" or "Created".
 */
final class ContainerRows {
  private static final int COMMAND_WIDTH = 20;

  private ContainerRows() {}

  static Map<String, Object> row(ContainerRecord r, String image, boolean trunc, Instant now) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("ID", trunc ? r.shortId() : r.id());
    row.put("Image", image);
    String command = command(r.command());
    row.put("Command", quote(trunc ? ellipsis(command, COMMAND_WIDTH) : command));
    row.put("CreatedAt", Units.goTimeString(r.created().truncatedTo(ChronoUnit.SECONDS)));
    row.put("RunningFor", Units.createdSince(r.created(), now));
    row.put("Ports", "");
    row.put("State", state(r));
    row.put("Status", status(r, now));
    row.put("Names", r.name());
    row.put("Labels", labels(r.config().labels()));
    row.put("Mounts", String.join(",", r.hostConfig().binds()));
    row.put("Networks", "host");
    row.put("LocalVolumes", "0");
    row.put("Size", "0B");
    return row;
  }

  /** docker's Command: the path, then the arguments, those with a space in single quotes. */
  static String command(List<String> argv) {
    if (argv.isEmpty()) {
      return "";
    }
    if (argv.size() == 1) {
      return argv.get(0);
    }
    String args =
        argv.subList(1, argv.size()).stream()
            .map(a -> a.contains(" ") ? "'" + a + "'" : a)
            .collect(Collectors.joining(" "));
    return argv.get(0) + " " + args;
  }

  static String state(ContainerRecord r) {
    if (r.state() instanceof ContainerState.Running) {
      return "running";
    }
    return r.state() instanceof ContainerState.Exited ? "exited" : "created";
  }

  static String status(ContainerRecord r, Instant now) {
    if (r.state() instanceof ContainerState.Running run) {
      return "Up " + Units.humanDuration(Duration.between(run.started(), now));
    }
    if (r.state() instanceof ContainerState.Exited e) {
      return "Exited ("
          + e.exitCode()
          + ") "
          + Units.humanDuration(Duration.between(e.finished(), now))
          + " ago";
    }
    return "Created";
  }

  /** docker's formatter.Ellipsis: at most WIDTH characters, the last one "…" if cut. */
  static String ellipsis(String s, int width) {
    int[] cps = s.codePoints().toArray();
    if (cps.length <= width) {
      return s;
    }
    return new String(cps, 0, width - 1) + "…";
  }

  /** Go's strconv.Quote for what commands hold: quotes, backslashes and controls escaped. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    s.codePoints()
        .forEach(
            c -> {
              switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                  if (c < 0x20 || c == 0x7f) {
                    sb.append(String.format("\\x%02x", c));
                  } else {
                    sb.appendCodePoint(c);
                  }
                }
              }
            });
    return sb.append('"').toString();
  }

  private static String labels(Map<String, String> labels) {
    return labels.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }
}
