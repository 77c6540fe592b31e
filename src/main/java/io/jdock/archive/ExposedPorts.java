package io.jdock.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EXPOSE arguments as docker's nat.ParsePortSpecs reads them: {@code 80}, {@code 53/udp}, {@code
 * 8000-8002/tcp}; each port becomes a key {@code port/proto} of the config's ExposedPorts.
 */
final class ExposedPorts {
  private static final Pattern SPEC = Pattern.compile("(\\d+)(?:-(\\d+))?(?:/(tcp|udp|sctp))?");
  private static final int MAX_PORT = 65535;

  private ExposedPorts() {}

  static List<String> parse(List<String> specs) throws InvalidChangeException {
    List<String> ports = new ArrayList<>();
    for (String spec : specs) {
      Matcher m = SPEC.matcher(spec.toLowerCase(Locale.ROOT));
      if (!m.matches()) {
        throw new InvalidChangeException("invalid containerPort: " + spec);
      }
      int first = port(m.group(1), spec);
      int last = m.group(2) == null ? first : port(m.group(2), spec);
      if (last < first) {
        throw new InvalidChangeException("invalid range specified for container port: " + spec);
      }
      String proto = m.group(3) == null ? "tcp" : m.group(3);
      for (int p = first; p <= last; p++) {
        ports.add(p + "/" + proto);
      }
    }
    return ports;
  }

  private static int port(String digits, String spec) throws InvalidChangeException {
    int p;
    try {
      p = Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new InvalidChangeException("invalid containerPort: " + spec);
    }
    if (p < 1 || p > MAX_PORT) {
      throw new InvalidChangeException("invalid containerPort: " + spec);
    }
    return p;
  }
}
