package io.jdock.cli.format;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * One {@code %} directive of Go's {@code fmt} (the {@code fmt} struct of {@code format.go}): its
 * flags {@code -+# 0}, its width and precision (-1 when absent), and the formatting of an integer,
 * float or string operand under it. Empty means the verb does not apply to the operand (Go prints
 * {@code %!d(string=x)} then).
 */
record FmtDirective(
    boolean minus, boolean plus, boolean sharp, boolean space, boolean zero, int width, int prec) {

  /**
   * Pads to the width: left with spaces, right with {@code -}, zeros after the sign with {@code 0}.
   */
  String pad(String s, boolean numeric) {
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

  private String sign(boolean negative) {
    return negative ? "-" : plus ? "+" : space ? " " : "";
  }

  /** An integer under {@code %v %d %b %o %O %x %X %c %q %U}. */
  Optional<String> integer(long v, int verb) {
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
          digits = digits.toUpperCase(Locale.ROOT);
        }
        prefix = sharp ? (verb == 'X' ? "0X" : "0x") : "";
      }
      case 'c', 'q', 'U' -> {
        return Optional.of(character((int) v, verb));
      }
      default -> {
        return Optional.empty();
      }
    }
    if (prec >= 0) {
      if (prec == 0 && v == 0) {
        digits = "";
      }
      digits = "0".repeat(Math.max(0, prec - digits.length())) + digits;
    }
    return Optional.of(sign(v < 0) + prefix + digits);
  }

  /** A code point under {@code %c}, {@code %q} ('x') or {@code %U} (U+0078, with # also 'x'). */
  private String character(int r, int verb) {
    if (verb == 'c') {
      return new String(Character.toChars(r));
    } else if (verb == 'q') {
      String q = GoQuote.quote(new String(Character.toChars(r)));
      return "'" + q.substring(1, q.length() - 1).replace("\\\"", "\"") + "'";
    }
    String u = GoQuote.unicode(r);
    return sharp ? u : u.split(" ")[0];
  }

  /** A float (of {@code bits} 32 or 64) under {@code %v %g %G %e %E %f %F %x %X}. */
  Optional<String> floating(double v, int verb, int bits) {
    String s =
        switch (verb) {
          case 'v', 'g', 'G' -> GoFloat.format(v, verb == 'G' ? 'G' : 'g', prec, bits);
          case 'e', 'E', 'f', 'F' -> GoFloat.format(v, (char) verb, prec < 0 ? 6 : prec, bits);
          case 'x', 'X' -> GoFloat.hex(v, verb == 'X');
          default -> null;
        };
    if (s == null) {
      return Optional.empty();
    }
    if (s.startsWith("+Inf") || s.startsWith("-") || s.equals("NaN")) {
      return Optional.of(s.equals("+Inf") ? (plus ? "+Inf" : space ? " Inf" : "+Inf") : s);
    }
    return Optional.of(sign(false) + s);
  }

  /** A string under {@code %v %s %q %x %X}; the precision counts code points. */
  Optional<String> string(String s, int verb) {
    String cut = s;
    if (prec >= 0 && s.codePointCount(0, s.length()) > prec) {
      cut = s.substring(0, s.offsetByCodePoints(0, prec));
    }
    return switch (verb) {
      case 'v', 's' -> Optional.of(cut);
      case 'q' -> Optional.of(GoQuote.quote(cut));
      case 'x', 'X' -> Optional.of(hexBytes(s, verb == 'X'));
      default -> Optional.empty();
    };
  }

  /** The UTF-8 bytes in hex: with space, one group a byte; with #, each group prefixed 0x. */
  private String hexBytes(String s, boolean upper) {
    StringBuilder sb = new StringBuilder();
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int k = 0; k < bytes.length; k++) {
      if (space && k > 0) {
        sb.append(' ');
      }
      if (sharp && (space || k == 0)) {
        sb.append(upper ? "0X" : "0x");
      }
      sb.append(String.format(upper ? "%02X" : "%02x", bytes[k] & 0xff));
    }
    return sb.toString();
  }
}
