package io.jdock.registry.progress;

import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints pull and push messages as docker's CLI does (pkg/jsonmessage DisplayJSONMessagesStream).
 * Not on a terminal: one {@code <id>: <status>} line per message, byte-progress lines dropped. On a
 * terminal: each id keeps its line, rewritten in place (cursor up, clear, write, cursor down) with
 * {@code [==> ] 1.2MB/30MB} (the bar only when the terminal is wider than 110 columns); a message
 * without id starts a fresh block. Quiet mode prints only the result line. Thread-safe.
 */
public final class ProgressRenderer {
  private static final int BAR = 50;

  private final PrintWriter out;
  private final boolean terminal;
  private final boolean quiet;
  private final int width;
  private final Map<String, Integer> lines = new HashMap<>();

  private ProgressRenderer(PrintWriter out, boolean terminal, boolean quiet, int width) {
    this.out = out;
    this.terminal = terminal;
    this.quiet = quiet;
    this.width = width;
  }

  /** Plain lines, for a pipe or a file. */
  public static ProgressRenderer plain(PrintWriter out) {
    return new ProgressRenderer(out, false, false, 0);
  }

  /** The live display for a terminal of {@code width} columns. */
  public static ProgressRenderer terminal(PrintWriter out, int width) {
    return new ProgressRenderer(out, true, false, width);
  }

  /** Only the result line ({@code -q}). */
  public static ProgressRenderer quiet(PrintWriter out) {
    return new ProgressRenderer(out, false, true, 0);
  }

  public synchronized void accept(ProgressLine line) {
    if (quiet) {
      if (line.result()) {
        out.println(line.status());
        out.flush();
      }
      return;
    }
    if (!terminal) {
      if (!line.hasProgress()) {
        out.println(line.id().map(id -> id + ": ").orElse("") + line.status());
        out.flush();
      }
      return;
    }
    renderOnTerminal(line);
    out.flush();
  }

  private void renderOnTerminal(ProgressLine line) {
    if (line.id().isEmpty()) {
      lines.clear();
      out.print(line.status() + "\n");
      return;
    }
    String id = line.id().get();
    Integer index = lines.get(id);
    if (index == null) {
      index = lines.size();
      lines.put(id, index);
      out.print("\n");
    }
    int up = lines.size() - index;
    out.print("\u001b[" + up + "A");
    out.print("\u001b[2K\r" + id + ": " + line.status() + " " + bar(line) + "\r");
    out.print("\u001b[" + up + "B");
  }

  /** JSONProgress.String(): bar (wide terminals only) and sizes. */
  String bar(ProgressLine line) {
    long current = line.current().orElse(0);
    long total = line.total().orElse(0);
    if (current <= 0 && total <= 0) {
      return "";
    }
    if (total <= 0) {
      return String.format("%8s", HumanSize.of(current));
    }
    int filled = Math.min(BAR, (int) ((double) current / total * 100) / 2);
    String box = "";
    if (width > 110) {
      box = "[" + "=".repeat(filled) + ">" + " ".repeat(BAR - filled) + "] ";
    }
    String numbers =
        current > total
            ? String.format("%8s", HumanSize.of(current))
            : String.format("%8s/%s", HumanSize.of(current), HumanSize.of(total));
    return box + numbers;
  }
}
