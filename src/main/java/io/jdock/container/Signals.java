package io.jdock.container;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import sun.misc.Signal;

/**
 * Catches signals sent to jdock while it runs a container in the foreground, as docker's CLI does
 * with {@code --sig-proxy}: a Ctrl-C or a {@code kill} of jdock reaches the container instead of
 * ending jdock (which would end the container with it). Signals the JVM reserves are left alone.
 */
final class Signals implements AutoCloseable {
  private record Installed(Signal signal, sun.misc.SignalHandler previous) {}

  private final List<Installed> installed = new ArrayList<>();

  private Signals() {}

  /** Sends each of NAMES ({@code INT}, {@code TERM}...) to HANDLER with its number. */
  static Signals catching(List<String> names, IntConsumer handler) {
    Signals s = new Signals();
    for (String name : names) {
      try {
        Signal sig = new Signal(name);
        sun.misc.SignalHandler prev = Signal.handle(sig, x -> handler.accept(x.getNumber()));
        s.installed.add(new Installed(sig, prev));
      } catch (IllegalArgumentException reservedOrUnknown) {
        // the JVM uses it (QUIT, USR1...) or this platform lacks it
      }
    }
    return s;
  }

  /** Restores the handlers that were there before. */
  @Override
  public void close() {
    for (Installed i : installed) {
      Signal.handle(i.signal(), i.previous());
    }
    installed.clear();
  }
}
