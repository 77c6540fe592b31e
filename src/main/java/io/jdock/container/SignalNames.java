package io.jdock.container;

import java.util.Locale;
import java.util.Map;

/** Linux signal names and numbers, parsed as docker parses {@code --signal} (moby/sys/signal). */
public final class SignalNames {
  private static final Map<String, Integer> NUMBERS =
      Map.ofEntries(
          Map.entry("ABRT", 6),
          Map.entry("ALRM", 14),
          Map.entry("BUS", 7),
          Map.entry("CHLD", 17),
          Map.entry("CONT", 18),
          Map.entry("FPE", 8),
          Map.entry("HUP", 1),
          Map.entry("ILL", 4),
          Map.entry("INT", 2),
          Map.entry("IO", 29),
          Map.entry("IOT", 6),
          Map.entry("KILL", 9),
          Map.entry("PIPE", 13),
          Map.entry("PROF", 27),
          Map.entry("PWR", 30),
          Map.entry("QUIT", 3),
          Map.entry("SEGV", 11),
          Map.entry("STKFLT", 16),
          Map.entry("STOP", 19),
          Map.entry("SYS", 31),
          Map.entry("TERM", 15),
          Map.entry("TRAP", 5),
          Map.entry("TSTP", 20),
          Map.entry("TTIN", 21),
          Map.entry("TTOU", 22),
          Map.entry("URG", 23),
          Map.entry("USR1", 10),
          Map.entry("USR2", 12),
          Map.entry("VTALRM", 26),
          Map.entry("WINCH", 28),
          Map.entry("XCPU", 24),
          Map.entry("XFSZ", 25));

  private SignalNames() {}

  /** {@code KILL}, {@code SIGKILL}, {@code kill} or {@code 9}; {@code invalid signal: X} else. */
  public static int parse(String s) throws ContainerException {
    if (s.matches("[0-9]+")) {
      int n = Integer.parseInt(s);
      if (n >= 1 && n <= 64) {
        return n;
      }
    } else {
      String name = s.toUpperCase(Locale.ROOT);
      name = name.startsWith("SIG") ? name.substring(3) : name;
      Integer n = NUMBERS.get(name);
      if (n != null) {
        return n;
      }
    }
    throw new ContainerException("invalid signal: " + s, 1);
  }
}
