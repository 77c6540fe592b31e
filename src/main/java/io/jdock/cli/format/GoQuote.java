package io.jdock.cli.format;

/**
 * Go's string quoting: {@code strconv.Quote} and {@code strconv.Unquote} (Go string literal
 * syntax), and the {@code %#U} rendering of a code point used in lexer errors.
 */
final class GoQuote {
  private static final String HEX = "0123456789abcdef";

  private GoQuote() {}

  /** {@code strconv.Quote}: a double-quoted Go string literal. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
    s.codePoints().forEach(r -> appendEscaped(sb, r));
    return sb.append('"').toString();
  }

  private static void appendEscaped(StringBuilder sb, int r) {
    if (r == '"' || r == '\\') {
      sb.append('\\').appendCodePoint(r);
    } else if (isPrint(r)) {
      sb.appendCodePoint(r);
    } else {
      switch (r) {
        case 0x07 -> sb.append("\\a");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case 0x0b -> sb.append("\\v");
        default -> appendHexEscape(sb, r);
      }
    }
  }

  private static void appendHexEscape(StringBuilder sb, int r) {
    if (r < ' ' || r == 0x7f) {
      sb.append("\\x").append(HEX.charAt(r >> 4)).append(HEX.charAt(r & 0xf));
    } else if (Character.isSurrogate((char) r) && r < 0x10000) {
      sb.append("\\ufffd");
    } else if (r < 0x10000) {
      sb.append("\\u");
      appendHex(sb, r, 4);
    } else {
      sb.append("\\U");
      appendHex(sb, r, 8);
    }
  }

  private static void appendHex(StringBuilder sb, int r, int digits) {
    for (int shift = (digits - 1) * 4; shift >= 0; shift -= 4) {
      sb.append(HEX.charAt((r >> shift) & 0xf));
    }
  }

  /**
   * Go's {@code unicode.IsPrint}: letters, marks, numbers, punctuation, symbols and ASCII space.
   */
  static boolean isPrint(int r) {
    if (r == ' ') {
      return true;
    }
    return switch (Character.getType(r)) {
      case Character.UPPERCASE_LETTER,
          Character.LOWERCASE_LETTER,
          Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER,
          Character.OTHER_LETTER,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.COMBINING_SPACING_MARK,
          Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER,
          Character.OTHER_NUMBER,
          Character.CONNECTOR_PUNCTUATION,
          Character.DASH_PUNCTUATION,
          Character.START_PUNCTUATION,
          Character.END_PUNCTUATION,
          Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION,
          Character.OTHER_PUNCTUATION,
          Character.MATH_SYMBOL,
          Character.CURRENCY_SYMBOL,
          Character.MODIFIER_SYMBOL,
          Character.OTHER_SYMBOL ->
          true;
      default -> false;
    };
  }

  /** Go's {@code %#U}: {@code U+0041 'A'}, or just {@code U+0000} when not printable. */
  static String unicode(int r) {
    StringBuilder sb = new StringBuilder("U+");
    String hex = Integer.toHexString(r).toUpperCase(java.util.Locale.ROOT);
    sb.append("0".repeat(Math.max(0, 4 - hex.length()))).append(hex);
    if (isPrint(r)) {
      sb.append(" '").appendCodePoint(r).append('\'');
    }
    return sb.toString();
  }

  /**
   * {@code strconv.Unquote} for "..." and `...` literals.
   *
   * @throws IllegalArgumentException with Go's message {@code invalid syntax}
   */
  static String unquote(String s) {
    int n = s.length();
    if (n < 2 || s.charAt(0) != s.charAt(n - 1)) {
      throw new IllegalArgumentException("invalid syntax");
    }
    String body = s.substring(1, n - 1);
    if (s.charAt(0) == '`') {
      if (body.indexOf('`') >= 0) {
        throw new IllegalArgumentException("invalid syntax");
      }
      return body.replace("\r", "");
    }
    if (s.charAt(0) != '"' && s.charAt(0) != '\'') {
      throw new IllegalArgumentException("invalid syntax");
    }
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < body.length()) {
      char c = body.charAt(i);
      if (c == s.charAt(0) || c == '\n') {
        throw new IllegalArgumentException("invalid syntax");
      }
      if (c != '\\') {
        out.append(c);
        i++;
        continue;
      }
      i = unescape(body, i + 1, s.charAt(0), out);
    }
    return out.toString();
  }

  /** Decodes one escape starting after the backslash at {@code i}; returns the next index. */
  private static int unescape(String body, int i, char quote, StringBuilder out) {
    if (i >= body.length()) {
      throw new IllegalArgumentException("invalid syntax");
    }
    char c = body.charAt(i);
    switch (c) {
      case 'a' -> out.append((char) 7);
      case 'b' -> out.append('\b');
      case 'f' -> out.append('\f');
      case 'n' -> out.append('\n');
      case 'r' -> out.append('\r');
      case 't' -> out.append('\t');
      case 'v' -> out.append((char) 0x0b);
      case '\\' -> out.append('\\');
      case 'x' -> {
        return appendCode(body, i + 1, 2, 16, out);
      }
      case 'u' -> {
        return appendCode(body, i + 1, 4, 16, out);
      }
      case 'U' -> {
        return appendCode(body, i + 1, 8, 16, out);
      }
      case '0', '1', '2', '3', '4', '5', '6', '7' -> {
        return appendCode(body, i, 3, 8, out);
      }
      default -> {
        if (c != quote) {
          throw new IllegalArgumentException("invalid syntax");
        }
        out.append(c);
      }
    }
    return i + 1;
  }

  private static int appendCode(String body, int i, int digits, int radix, StringBuilder out) {
    if (i + digits > body.length()) {
      throw new IllegalArgumentException("invalid syntax");
    }
    int v;
    try {
      v = Integer.parseUnsignedInt(body.substring(i, i + digits), radix);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid syntax");
    }
    if (v > Character.MAX_CODE_POINT || (v >= 0xd800 && v < 0xe000 && digits != 2)) {
      throw new IllegalArgumentException("invalid syntax");
    }
    if ((radix == 8 && v > 255)) {
      throw new IllegalArgumentException("invalid syntax");
    }
    // \x and octal escapes are bytes in Go; bytes >= 0x80 have no faithful Java string form.
    out.appendCodePoint(v);
    return i + digits;
  }
}
