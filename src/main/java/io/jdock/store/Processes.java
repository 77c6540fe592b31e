package io.jdock.store;

/** Whether a recorded process still exists. */
final class Processes {
  private Processes() {}

  /** True if a process with this pid is alive (a reused pid cannot be told apart). */
  static boolean isAlive(long pid) {
    return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }
}
