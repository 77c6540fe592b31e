package io.jdock.cli.format;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Go's {@code fmt} printing of template values with {@code %v}: {@code [a b]} for a slice, {@code
 * map[k:v]} with sorted keys for a map, {@code <nil>} for nil, floats as {@code strconv} 'g'
 * shortest; and {@code fmt.Sprint} / {@code fmt.Sprintln} for the {@code print} and {@code println}
 * functions.
 */
final class GoFmt {
  private GoFmt() {}

  /** {@code fmt.Sprint(v)} of one value. */
  static String v(Object v) {
    StringBuilder sb = new StringBuilder();
    appendV(sb, v);
    return sb.toString();
  }

  static void appendV(StringBuilder sb, Object v) {
    if (v == null || v == GoTypes.NIL_IFACE) {
      sb.append("<nil>");
    } else if (v instanceof String s) {
      sb.append(s);
    } else if (v instanceof Double d) {
      sb.append(GoFloat.v(d));
    } else if (v instanceof Float f) {
      sb.append(GoFloat.format(f, 'g', -1, 32));
    } else if (v instanceof Instant t) {
      sb.append(Units.goTimeString(t, ZoneOffset.UTC));
    } else if (v instanceof List<?> list) {
      appendList(sb, list);
    } else if (v instanceof Map<?, ?> map) {
      appendMap(sb, map);
    } else if (v == GoNil.SLICE) {
      sb.append("[]");
    } else if (v == GoNil.MAP) {
      sb.append("map[]");
    } else if (v instanceof TemplateMethod) {
      sb.append("0x0");
    } else {
      sb.append(v);
    }
  }

  private static void appendList(StringBuilder sb, List<?> list) {
    sb.append('[');
    for (int i = 0; i < list.size(); i++) {
      if (i > 0) {
        sb.append(' ');
      }
      appendV(sb, list.get(i));
    }
    sb.append(']');
  }

  private static void appendMap(StringBuilder sb, Map<?, ?> map) {
    sb.append("map[");
    boolean first = true;
    for (Map.Entry<String, Object> e : sorted(map).entrySet()) {
      if (!first) {
        sb.append(' ');
      }
      first = false;
      sb.append(e.getKey()).append(':');
      appendV(sb, e.getValue());
    }
    sb.append(']');
  }

  /** A map's entries in Go's printing order (sorted keys), skipping methods. */
  static TreeMap<String, Object> sorted(Map<?, ?> map) {
    TreeMap<String, Object> sorted = new TreeMap<>();
    map.forEach(
        (k, val) -> {
          if (!(val instanceof TemplateMethod)) {
            sorted.put(String.valueOf(k), val);
          }
        });
    return sorted;
  }

  /** {@code fmt.Sprint}: spaces between operands when neither is a string. */
  static String sprint(List<Object> args) {
    StringBuilder sb = new StringBuilder();
    boolean prevString = false;
    for (int i = 0; i < args.size(); i++) {
      Object arg = args.get(i);
      boolean isString = arg instanceof String;
      if (i > 0 && !isString && !prevString) {
        sb.append(' ');
      }
      appendV(sb, arg);
      prevString = isString;
    }
    return sb.toString();
  }

  /** {@code fmt.Sprintln}: spaces between all operands and a final newline. */
  static String sprintln(List<Object> args) {
    return args.stream().map(GoFmt::v).collect(Collectors.joining(" ")) + "\n";
  }
}
