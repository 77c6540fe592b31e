package io.jdock.sys;

/**
 * Ends the process once a command is done. {@link java.lang.Runtime#halt} (like {@code
 * System.exit}) waits up to 300 ms for every thread blocked in a native call (the HttpClient's
 * selector thread, a process reaper waiting for a child) before the JVM exits: a third of a second
 * on every pull, push or login. {@code _exit(2)} ends the process at once; it is used when libc is
 * bound already or such threads may exist (binding libc only to exit costs about 0.1 s).
 */
public final class ProcessExit {
  private static volatile boolean libcBound;

  private ProcessExit() {}

  static void libcBound() {
    libcBound = true;
  }

  /**
   * Ends the process with CODE, without shutdown hooks; the caller flushed its output. {@code
   * nativeThreads}: threads may be blocked in native calls even if libc was not bound yet.
   */
  public static void now(int code, boolean nativeThreads) {
    if (libcBound || nativeThreads) {
      try {
        Posix.exit(code);
      } catch (LinkageError e) {
        // libc cannot be bound here: halt, slower but just as final
      }
    }
    Runtime.getRuntime().halt(code);
  }
}
