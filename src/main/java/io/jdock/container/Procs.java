package io.jdock.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** What /proc tells about a container's processes. */
final class Procs {
  private Procs() {}

  /** True if PID exists and is not a zombie. */
  static boolean isLive(long pid) {
    if (pid <= 0) {
      return false;
    }
    try {
      String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
      int close = stat.lastIndexOf(')');
      return close > 0 && close + 2 < stat.length() && stat.charAt(close + 2) != 'Z';
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The process among PARENT's descendants that is PID 1 of a PID namespace below jdock's (its
   * {@code NSpid} ends in 1): the container's first process.
   */
  static Optional<Long> namespaceInit(ProcessHandle parent) {
    return parent.descendants().map(ProcessHandle::pid).filter(Procs::isNamespaceInit).findFirst();
  }

  /**
   * True if PID is the init of a PID namespace and was started no later than STARTED (when its
   * container was recorded running), so it is not another process that reuses the number.
   */
  static boolean isInitStartedBy(long pid, java.time.Instant started) {
    if (!isNamespaceInit(pid)) {
      return false;
    }
    return ProcessHandle.of(pid)
        .flatMap(h -> h.info().startInstant())
        .map(t -> !t.isAfter(started.plusSeconds(1)))
        .orElse(false);
  }

  private static boolean isNamespaceInit(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
        if (line.startsWith("NSpid:")) {
          String[] ids = line.substring(6).trim().split("\\s+");
          return ids.length > 1 && ids[ids.length - 1].equals("1");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }

  /** True once PID has left the host's root directory (it entered the container's rootfs). */
  static boolean hasOwnRoot(long pid) {
    try {
      return !Files.readSymbolicLink(Path.of("/proc", String.valueOf(pid), "root"))
          .toString()
          .equals("/");
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * SIGKILLs a container whose PID 1 is INIT. The process waiting for it ({@code unshare --fork},
   * its parent) goes first: util-linux 2.38's unshare exits 1 instead of dying by SIGKILL when its
   * child is SIGKILLed, so killing it directly gives the exit status 137 docker reports.
   */
  static void killContainer(long init) {
    Optional<ProcessHandle> h = ProcessHandle.of(init);
    h.flatMap(ProcessHandle::parent)
        .filter(p -> p.info().command().map(c -> c.endsWith("/unshare")).orElse(false))
        .ifPresent(ProcessHandle::destroyForcibly);
    h.ifPresent(ProcessHandle::destroyForcibly);
  }
}
