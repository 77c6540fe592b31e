package io.jdock.container;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a jdock command as a detached background server (own session, so a Ctrl-C of the caller
 * does not reach it; output to a log file) and waits until it reports that it is ready, the way
 * fuse-overlayfs returns once its mount is up. If the server fails first, its one-line error is the
 * caller's error, and no process is left behind.
 */
public final class ServerLauncher {
  /** The line a server prints on stdout once it serves. */
  public static final String READY = "READY";

  /** The hidden option that asks a server command to print {@link #READY}. */
  public static final String NOTIFY_OPTION = "--notify-ready";

  private static final long TIMEOUT_SECONDS = 300;

  private static final String CLI_ERROR_PREFIX = "Error: ";

  private ServerLauncher() {}

  /** JVM options for long-running servers: a small footprint, the serial collector. */
  static List<String> serverJvmOptions() {
    return List.of(
        "-XX:+UseSerialGC",
        "-Xss512k",
        "-Xms16m",
        "-XX:MaxHeapFreeRatio=30",
        "-XX:MinHeapFreeRatio=10",
        "-XX:-UsePerfData",
        "-Xshare:auto");
  }

  /** Runs {@code jdock ARGS --notify-ready} detached and returns its pid once it printed READY. */
  public static long start(List<String> args, Path log) throws IOException {
    List<String> cmd = new ArrayList<>();
    cmd.add("setsid");
    cmd.add(ProcessHandle.current().info().command().orElse("java"));
    cmd.addAll(serverJvmOptions());
    String extra = System.getenv("JDOCK_SERVER_JAVA_OPTS");
    if (extra != null && !extra.isBlank()) {
      cmd.addAll(List.of(extra.trim().split("\\s+")));
    }
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("io.jdock.cli.Main");
    cmd.addAll(args);
    cmd.add(NOTIFY_OPTION);
    Files.createDirectories(log.toAbsolutePath().getParent());
    long logStart = Files.exists(log) ? Files.size(log) : 0;
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    Process p = pb.start();
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.equals(READY)) {
          return p.pid();
        }
      }
    }
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("the mount server did not start in time; see " + log);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while starting the mount server", e);
    }
    throw new IOException(
        lastLine(log, logStart)
            .map(ServerLauncher::withoutCliPrefix)
            .orElse("the mount server failed; see " + log));
  }

  /** The server's CLI printed "Error: MESSAGE"; the caller's CLI adds its own prefix. */
  private static String withoutCliPrefix(String line) {
    return line.startsWith(CLI_ERROR_PREFIX) ? line.substring(CLI_ERROR_PREFIX.length()) : line;
  }

  private static java.util.Optional<String> lastLine(Path log, long from) throws IOException {
    if (!Files.exists(log)) {
      return java.util.Optional.empty();
    }
    byte[] all = Files.readAllBytes(log);
    String text =
        new String(
            all,
            (int) Math.min(from, all.length),
            all.length - (int) Math.min(from, all.length),
            StandardCharsets.UTF_8);
    String last = null;
    for (String l : text.split("\n")) {
      if (!l.isBlank() && !l.startsWith("\tat ") && !l.startsWith("WARNING")) {
        last = l.strip();
      }
    }
    return java.util.Optional.ofNullable(last);
  }

  /** Prints READY on stdout and closes it, so the launcher returns (called by the server). */
  public static void notifyReady() {
    System.out.println(READY);
    System.out.flush();
    System.out.close();
  }
}
