package io.jdock.cli.format;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code fmt.Sprintf} for the template function {@code printf}: flags {@code #0+- }, width and
 * precision (also {@code *}), the verbs of Go's integers, floats, strings, booleans, slices and
 * maps, and Go's error forms ({@code %!d(string=x)}, {@code %!s(MISSING)}, {@code %!(EXTRA ...)}).
 */
final class GoPrintf {
  private final String format;
  private final List<Object> args;
  private final StringBuilder out = new StringBuilder();
  private int argNum;
  private boolean minus;
  private boolean plus;
  private boolean sharp;
  private boolean space;
  private boolean zero;
  private int width;
  private int prec;

  private GoPrintf(String format, List<Object> args) {
    this.format = format;
    this.args = args;
  }

  static String sprintf(String format, List<Object> args) {
    GoPrintf p = new GoPrintf(format, args);
    p.run();
    return p.out.toString();
  }

  private void run() {
    int i = 0;
    int end = format.length();
    while (i < end) {
      int pct = format.indexOf('%', i);
      if (pct < 0) {
        out.append(format, i, end);
        break;
      }
      out.append(format, i, pct);
      i = parseDirective(pct + 1);
    }
    if (argNum < args.size()) {
      out.append("%!(EXTRA ");
      for (int k = argNum; k < args.size(); k++) {
        if (k > argNum) {
          out.append(", ");
        }
        Object a = args.get(k);
        out.append(a == null ? "<nil>" : GoTypes.typeName(a) + "=" + GoFmt.v(a));
      }
      out.append(')');
    }
  }

  /** Parses flags, width, precision and the verb after a '%'; returns the index after it. */
  private int parseDirective(int i) {
    minus = plus = sharp = space = zero = false;
    width = -1;
    prec = -1;
    for (; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c == '#') {
        sharp = true;
      } else if (c == '0') {
        zero = !minus;
      } else if (c == '+') {
        plus = true;
      } else if (c == '-') {
        minus = true;
        zero = false;
      } else if (c == ' ') {
        space = true;
      } else {
        break;
      }
    }
    if (i < format.length() && format.charAt(i) == '*') {
      width = starArg();
      if (width < 0) {
        minus = true;
        width = -width;
      }
      i++;
    } else {
      int start = i;
      while (i < format.length() && Character.isDigit(format.charAt(i))) {
        i++;
      }
      width = start == i ? -1 : Integer.parseInt(format.substring(start, i));
    }
    if (i < format.length() && format.charAt(i) == '.') {
      i++;
      if (i < format.length() && format.charAt(i) == '*') {
        prec = Math.max(starArg(), -1);
        i++;
      } else {
        int start = i;
        while (i < format.length() && Character.isDigit(format.charAt(i))) {
          i++;
        }
        prec = start == i ? 0 : Integer.parseInt(format.substring(start, i));
      }
    }
    if (i >= format.length()) {
      out.append("%!(NOVERB)");
      return i;
    }
    int verb = format.codePointAt(i);
    i += Character.charCount(verb);
    if (verb == '%') {
      out.append('%');
    } else if (argNum >= args.size()) {
      out.append("%!").appendCodePoint(verb).append("(MISSING)");
    } else {
      out.append(pad(formatArg(args.get(argNum++), verb), isNumeric(args.get(argNum - 1))));
    }
    return i;
  }

  private int starArg() {
    if (argNum < args.size() && GoTypes.isInteger(args.get(argNum))) {
      return (int) ((Number) args.get(argNum++)).longValue();
    }
    argNum++;
    out.append("%!(BADWIDTH)");
    return -1;
  }

  private static boolean isNumeric(Object a) {
    return a instanceof Number;
  }

  private String pad(String s, boolean numeric) {
    int n = s.codePointCount(0, s.length());
    if (width <= n) {
      return s;
    }
    int fill = width - n;
    if (minus) {
      return s + " ".repeat(fill);
    }
    if (zero && numeric) {
      int signLen = !s.isEmpty() && "+- ".indexOf(s.charAt(0)) >= 0 ? 1 : 0;
      return s.substring(0, signLen) + "0".repeat(fill) + s.substring(signLen);
    }
    return (zero ? "0" : " ").repeat(fill) + s;
  }

  private String formatArg(Object a, int verb) {
    if (verb == 'T') {
      return a == null ? "<nil>" : GoTypes.typeName(a);
    }
    if (a == null) {
      return verb == 'v' ? "<nil>" : bad(verb, null);
    }
    if (a instanceof Boolean b) {
      return verb == 't' || verb == 'v' ? b.toString() : bad(verb, a);
    }
    if (GoTypes.isInteger(a)) {
      return integer(((Number) a).longValue(), verb, a);
    }
    if (a instanceof Double || a instanceof Float) {
      return floating(((Number) a).doubleValue(), verb, a);
    }
    if (a instanceof String s) {
      return string(s, verb, a);
    }
    if (a instanceof Instant t) {
      return "vsqxX".indexOf(verb) >= 0 ? string(GoFmt.v(t), verb, a) : bad(verb, a);
    }
    if (a instanceof List<?> list) {
      StringBuilder sb = new StringBuilder("[");
      for (int k = 0; k < list.size(); k++) {
        sb.append(k > 0 ? " " : "").append(formatArg(list.get(k), verb));
      }
      return sb.append(']').toString();
    }
    if (a instanceof Map<?, ?> map) {
      StringBuilder sb = new StringBuilder("map[");
      boolean first = true;
      for (Map.Entry<String, Object> e : GoFmt.sorted(map).entrySet()) {
        sb.append(first ? "" : " ").append(formatArg(e.getKey(), verb)).append(':');
        sb.append(formatArg(e.getValue(), verb));
        first = false;
      }
      return sb.append(']').toString();
    }
    return GoFmt.v(a);
  }

  private String bad(int verb, Object a) {
    StringBuilder sb = new StringBuilder("%!").appendCodePoint(verb).append('(');
    if (a == null) {
      sb.append("<nil>");
    } else {
      sb.append(GoTypes.typeName(a)).append('=').append(GoFmt.v(a));
    }
    return sb.append(')').toString();
  }

  private String sign(boolean negative) {
    return negative ? "-" : plus ? "+" : space ? " " : "";
  }

  private String integer(long v, int verb, Object a) {
    boolean neg = v < 0;
    String digits;
    String prefix = "";
    switch (verb) {
      case 'v', 'd' -> digits = Long.toString(Math.abs(v)).replace("-", "");
      case 'b' -> {
        digits = Long.toBinaryString(Math.abs(v));
        prefix = sharp ? "0b" : "";
      }
      case 'o', 'O' -> {
        digits = Long.toOctalString(Math.abs(v));
        prefix = verb == 'O' ? "0o" : sharp ? "0" : "";
      }
      case 'x', 'X' -> {
        digits = Long.toHexString(Math.abs(v));
        if (verb == 'X') {
          digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        prefix = sharp ? (verb == 'X' ? "0X" : "0x") : "";
      }
      case 'c' -> {
        return new String(Character.toChars((int) v));
      }
      case 'q' -> {
        String q = GoQuote.quote(new String(Character.toChars((int) v)));
        return "'" + q.substring(1, q.length() - 1).replace("\\\"", "\"") + "'";
      }
      case 'U' -> {
        String u = GoQuote.unicode((int) v);
        return sharp ? u : u.split(" ")[0];
      }
      default -> {
        return bad(verb, a);
      }
    }
    if (prec >= 0) {
      if (prec == 0 && v == 0) {
        digits = "";
      }
      digits = "0".repeat(Math.max(0, prec - digits.length())) + digits;
    }
    return sign(neg) + prefix + digits;
  }

  private String floating(double v, int verb, Object a) {
    int bits = a instanceof Float ? 32 : 64;
    String s =
        switch (verb) {
          case 'v', 'g', 'G' -> GoFloat.format(v, verb == 'G' ? 'G' : 'g', prec, bits);
          case 'e', 'E', 'f', 'F' -> GoFloat.format(v, (char) verb, prec < 0 ? 6 : prec, bits);
          case 'x', 'X' -> GoFloat.hex(v, verb == 'X');
          default -> null;
        };
    if (s == null) {
      return bad(verb, a);
    }
    if (s.startsWith("+Inf") || s.startsWith("-") || s.equals("NaN")) {
      return s.equals("+Inf") ? (plus ? "+Inf" : space ? " Inf" : "+Inf") : s;
    }
    return sign(false) + s;
  }

  private String string(String s, int verb, Object a) {
    switch (verb) {
      case 'v', 's' -> {
        if (prec >= 0 && s.codePointCount(0, s.length()) > prec) {
          return s.substring(0, s.offsetByCodePoints(0, prec));
        }
        return s;
      }
      case 'q' -> {
        if (prec >= 0 && s.codePointCount(0, s.length()) > prec) {
          s = s.substring(0, s.offsetByCodePoints(0, prec));
        }
        return GoQuote.quote(s);
      }
      case 'x', 'X' -> {
        StringBuilder sb = new StringBuilder();
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        for (int k = 0; k < bytes.length; k++) {
          if (space && k > 0) {
            sb.append(' ');
          }
          if (sharp && (space || k == 0)) {
            sb.append(verb == 'X' ? "0X" : "0x");
          }
          String h = String.format(verb == 'X' ? "%02X" : "%02x", bytes[k] & 0xff);
          sb.append(h);
        }
        return sb.toString();
      }
      default -> {
        return bad(verb, a);
      }
    }
  }
}
