package io.jdock.cli.format;

import java.math.BigInteger;
import java.util.function.Function;

/** Go's numeric constants: {@code parse.NumberNode} construction and {@code idealConstant}. */
final class Numbers {
  private Numbers() {}

  static Node.Number parse(Token t, Function<String, RuntimeException> errorf) {
    String text = t.val();
    if (t.type() == Token.Type.CHAR_CONSTANT) {
      String value;
      try {
        value = GoQuote.unquote(text);
      } catch (IllegalArgumentException e) {
        throw errorf.apply("malformed character constant: " + text);
      }
      if (value.codePointCount(0, value.length()) != 1) {
        throw errorf.apply("malformed character constant: " + text);
      }
      int r = value.codePointAt(0);
      return new Node.Number(t.pos(), text, true, r, true, r);
    }
    if (text.endsWith("i") && !text.startsWith("0x") && !text.startsWith("0X")) {
      throw errorf.apply("complex constants are not supported: " + GoQuote.quote(text));
    }
    Long asInt = parseInt(text);
    if (asInt != null) {
      return new Node.Number(t.pos(), text, true, asInt, true, asInt.doubleValue());
    }
    Double asFloat = parseFloat(text);
    if (asFloat == null) {
      throw errorf.apply("illegal number syntax: " + GoQuote.quote(text));
    }
    double f = asFloat;
    boolean integral = !Double.isInfinite(f) && f == Math.rint(f) && Math.abs(f) < 0x1p63;
    return new Node.Number(t.pos(), text, integral, integral ? (long) f : 0, true, f);
  }

  /**
   * The value of a constant used where no type is known (Go's {@code idealConstant}): a float when
   * written as one, else an int ({@code Integer}, or {@code Long} when it does not fit), else null.
   */
  static Object constant(Node.Number n) {
    String t = n.text();
    boolean hexInt = t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) | 0x20) == 'x';
    hexInt = hexInt && t.indexOf('p') < 0 && t.indexOf('P') < 0;
    boolean runeInt = t.startsWith("'");
    if (n.isFloat() && !hexInt && !runeInt && t.matches(".*[.eEpP].*")) {
      return n.value();
    }
    if (n.isInt()) {
      long v = n.intValue();
      return v == (int) v ? (Object) (int) v : (Object) v;
    }
    return null;
  }

  /** {@code strconv.ParseInt(text, 0, 64)}; null when it is not an int64. */
  private static Long parseInt(String text) {
    String s = text;
    boolean negative = false;
    if (s.startsWith("+") || s.startsWith("-")) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    int radix = 10;
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    if (lower.startsWith("0x")) {
      radix = 16;
      s = s.substring(2);
    } else if (lower.startsWith("0o")) {
      radix = 8;
      s = s.substring(2);
    } else if (lower.startsWith("0b")) {
      radix = 2;
      s = s.substring(2);
    } else if (s.length() > 1 && s.startsWith("0")) {
      radix = 8;
      s = s.substring(1);
    }
    s = s.replace("_", "");
    final int r = radix;
    if (s.isEmpty() || !s.chars().allMatch(c -> Character.digit(c, r) >= 0)) {
      return null;
    }
    BigInteger v = new BigInteger(s, radix);
    if (negative) {
      v = v.negate();
    }
    return v.bitLength() < 64 ? v.longValue() : null;
  }

  private static Double parseFloat(String text) {
    String s = text.replace("_", "");
    String lower = s.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("0x") && !lower.contains("p")) {
      return null;
    }
    if (s.isEmpty() || s.equals(".") || s.endsWith("i")) {
      return null;
    }
    try {
      return Double.parseDouble(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
