package io.jdock.cli.format;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Go's {@code fmt.Sprintf} for the template function {@code printf} ({@code print.go}): the walk of
 * the format through its directives (flags {@code #0+- }, width and precision, also {@code *}), the
 * operands they take, the choice of formatting by the operand's type (formatted by {@link
 * FmtDirective}), and Go's error forms ({@code %!d(string=x)}, {@code %!s(MISSING)}, {@code
 * %!(EXTRA ...)}).
 */
final class GoPrintf {
  private final String format;
  private final List<Object> args;
  private final StringBuilder out = new StringBuilder();
  private int argNum;
  // The directive being parsed.
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
      i = directive(pct + 1);
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

  /** Parses flags, width, precision and the verb after a '%', prints; returns the index after. */
  private int directive(int i) {
    i = precision(width(flags(i)));
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
      FmtDirective d = new FmtDirective(minus, plus, sharp, space, zero, width, prec);
      Object arg = args.get(argNum++);
      out.append(d.pad(formatArg(d, arg, verb), arg instanceof Number));
    }
    return i;
  }

  private int flags(int i) {
    minus = plus = sharp = space = zero = false;
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
    return i;
  }

  /** A width of digits or {@code *} (an operand; negative means {@code -}), else -1. */
  private int width(int i) {
    if (i < format.length() && format.charAt(i) == '*') {
      width = starArg();
      if (width < 0) {
        minus = true;
        width = -width;
      }
      return i + 1;
    }
    int end = digitsEnd(i);
    width = i == end ? -1 : Integer.parseInt(format.substring(i, end));
    return end;
  }

  /** A precision after {@code .}: digits (none is 0) or {@code *}; else -1. */
  private int precision(int i) {
    prec = -1;
    if (i >= format.length() || format.charAt(i) != '.') {
      return i;
    }
    i++;
    if (i < format.length() && format.charAt(i) == '*') {
      prec = Math.max(starArg(), -1);
      return i + 1;
    }
    int end = digitsEnd(i);
    prec = i == end ? 0 : Integer.parseInt(format.substring(i, end));
    return end;
  }

  private int digitsEnd(int i) {
    while (i < format.length() && Character.isDigit(format.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The integer operand of a {@code *}, or -1 after printing {@code %!(BADWIDTH)}. */
  private int starArg() {
    if (argNum < args.size() && GoTypes.isInteger(args.get(argNum))) {
      return (int) ((Number) args.get(argNum++)).longValue();
    }
    argNum++;
    out.append("%!(BADWIDTH)");
    return -1;
  }

  /** Go's {@code printArg}: the operand formatted by its type; slices and maps element-wise. */
  private static String formatArg(FmtDirective d, Object a, int verb) {
    if (verb == 'T') {
      return a == null ? "<nil>" : GoTypes.typeName(a);
    }
    Optional<String> s;
    if (a == null) {
      s = verb == 'v' ? Optional.of("<nil>") : Optional.empty();
    } else if (a instanceof Boolean b) {
      s = verb == 't' || verb == 'v' ? Optional.of(b.toString()) : Optional.empty();
    } else if (GoTypes.isInteger(a)) {
      s = d.integer(((Number) a).longValue(), verb);
    } else if (a instanceof Double || a instanceof Float) {
      s = d.floating(((Number) a).doubleValue(), verb, a instanceof Float ? 32 : 64);
    } else if (a instanceof String str) {
      s = d.string(str, verb);
    } else if (a instanceof Instant t) {
      s = "vsqxX".indexOf(verb) >= 0 ? d.string(GoFmt.v(t), verb) : Optional.empty();
    } else if (a instanceof List<?> list) {
      s = Optional.of(formatList(d, list, verb));
    } else if (a instanceof Map<?, ?> map) {
      s = Optional.of(formatMap(d, map, verb));
    } else {
      s = Optional.of(GoFmt.v(a));
    }
    return s.orElseGet(() -> badVerb(verb, a));
  }

  private static String formatList(FmtDirective d, List<?> list, int verb) {
    StringBuilder sb = new StringBuilder("[");
    for (int k = 0; k < list.size(); k++) {
      sb.append(k > 0 ? " " : "").append(formatArg(d, list.get(k), verb));
    }
    return sb.append(']').toString();
  }

  private static String formatMap(FmtDirective d, Map<?, ?> map, int verb) {
    StringBuilder sb = new StringBuilder("map[");
    boolean first = true;
    for (Map.Entry<String, Object> e : GoFmt.sorted(map).entrySet()) {
      sb.append(first ? "" : " ").append(formatArg(d, e.getKey(), verb)).append(':');
      sb.append(formatArg(d, e.getValue(), verb));
      first = false;
    }
    return sb.append(']').toString();
  }

  /** Go's {@code %!verb(type=value)} for an operand the verb does not apply to. */
  private static String badVerb(int verb, Object a) {
    StringBuilder sb = new StringBuilder("%!").appendCodePoint(verb).append('(');
    if (a == null) {
      sb.append("<nil>");
    } else {
      sb.append(GoTypes.typeName(a)).append('=').append(GoFmt.v(a));
    }
    return sb.append(')').toString();
  }
}
