package io.jdock.store;

/** Whether a recorded process still exists. */
final class Processes {
  private Processes() {}

  /** True if a process with this pid is alive (a reused pid cannot be told apart). */
  static boolean isAlive(long pid) {
    return isAlive(pid, java.util.Optional.empty());
  }

  /**
   * True if process PID runs (a zombie does not) and, when START is known, is the process that
   * started then: a pid reused by another process is not the one recorded.
   */
  static boolean isAlive(long pid, java.util.Optional<java.time.Instant> start) {
    if (pid <= 0) {
      return false;
    }
    java.util.Optional<ProcessHandle> h = ProcessHandle.of(pid);
    if (h.isEmpty() || !h.get().isAlive() || isZombie(pid)) {
      return false;
    }
    return start.isEmpty() || start.equals(h.get().info().startInstant());
  }

  private static boolean isZombie(long pid) {
    try {
      String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
      int close = stat.lastIndexOf(')');
      return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) == 'Z';
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
