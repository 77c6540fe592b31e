package io.jdock.sys;

import java.util.List;
import java.util.Map;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Starts a program with posix_spawnp(3), passing chosen file descriptors to the child under chosen
 * numbers, which {@link ProcessBuilder} cannot do (it closes every descriptor above 2).
 */
public final class Spawn {
  /** Larger than glibc's posix_spawn_file_actions_t (80 bytes on LP64). */
  private static final int FILE_ACTIONS_SIZE = 256;

  private Spawn() {}

  /**
   * Runs {@code argv[0]} (searched in PATH) with {@code argv} and {@code env} ("NAME=value"
   * strings); each {@code fdMap} entry dup2's the parent's key descriptor onto the child's value
   * number. Returns the child's pid.
   */
  public static int spawn(List<String> argv, List<String> env, Map<Integer, Integer> fdMap)
      throws ErrnoException {
    Pointer actions = Memory.allocateDirect(Posix.RUNTIME, FILE_ACTIONS_SIZE, true);
    checkReturned(Posix.LIBC.posix_spawn_file_actions_init(actions), "posix_spawn");
    try {
      for (Map.Entry<Integer, Integer> e : fdMap.entrySet()) {
        checkReturned(
            Posix.LIBC.posix_spawn_file_actions_adddup2(actions, e.getKey(), e.getValue()),
            "posix_spawn");
      }
      int[] pid = new int[1];
      int rc =
          Posix.LIBC.posix_spawnp(
              pid,
              argv.get(0),
              actions,
              null,
              argv.toArray(String[]::new),
              env.toArray(String[]::new));
      checkReturned(rc, "spawn " + argv.get(0));
      return pid[0];
    } finally {
      Posix.LIBC.posix_spawn_file_actions_destroy(actions);
    }
  }

  /**
   * Waits for a child to end (waitpid(2)); returns its exit code, or 128 + the signal number that
   * killed it, as shells report it.
   */
  public static int waitFor(int pid) throws ErrnoException {
    int[] status = new int[1];
    while (Posix.LIBC.waitpid(pid, status, 0) < 0) {
      int e = Posix.errno();
      if (e != Errno.EINTR) {
        throw new ErrnoException(e, "waitpid " + pid);
      }
    }
    int s = status[0];
    int signal = s & 0x7f;
    return signal == 0 ? (s >> 8) & 0xff : 128 + signal;
  }

  private static void checkReturned(int rc, String what) throws ErrnoException {
    if (rc != 0) {
      throw new ErrnoException(rc, what);
    }
  }
}
