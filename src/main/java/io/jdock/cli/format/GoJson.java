package io.jdock.cli.format;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Go's {@code encoding/json} for the template data model: compact encoding with or without HTML
 * escaping ({@code json.Marshal} escapes {@code < > &} as {@code \u003c \u003e \u0026}; docker's
 * {@code json} template function does not), and {@code json.Indent}.
 */
final class GoJson {
  private static final String HEX = "0123456789abcdef";

  private GoJson() {}

  /** A value Go's encoder refuses, with Go's message ({@code json: unsupported value: NaN}). */
  static final class UnsupportedException extends Exception {
    UnsupportedException(String message) {
      super(message, null, false, false);
    }
  }

  /** {@code json.Marshal} (escapeHtml) or an Encoder with {@code SetEscapeHTML(false)}. */
  static String marshal(Object v, boolean escapeHtml) throws UnsupportedException {
    StringBuilder sb = new StringBuilder();
    encode(sb, v, escapeHtml);
    return sb.toString();
  }

  private static void encode(StringBuilder sb, Object v, boolean html) throws UnsupportedException {
    if (v == null || v == GoTypes.NIL_IFACE || v instanceof GoNil) {
      sb.append("null");
    } else if (v instanceof String s) {
      string(sb, s, html);
    } else if (v instanceof Boolean || GoTypes.isInteger(v)) {
      sb.append(v);
    } else if (v instanceof Double || v instanceof Float) {
      sb.append(number(((Number) v).doubleValue(), v instanceof Float ? 32 : 64));
    } else if (v instanceof Instant t) {
      sb.append('"').append(Units.rfc3339Nano(t)).append('"');
    } else if (v instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        encode(sb, list.get(i), html);
      }
      sb.append(']');
    } else if (v instanceof GoValues.StringMap m && m.isNil()) {
      sb.append("null");
    } else if (v instanceof Row row) {
      // docker's contexts marshal themselves with json.Marshal: sorted keys, HTML escaped.
      object(sb, GoFmt.sorted(row), true);
    } else if (v instanceof Map<?, ?> map) {
      object(sb, map, html);
    } else {
      throw new UnsupportedException("json: unsupported type: " + GoTypes.typeName(v));
    }
  }

  private static void object(StringBuilder sb, Map<?, ?> map, boolean html)
      throws UnsupportedException {
    sb.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getValue() instanceof TemplateMethod) {
        continue;
      }
      if (!first) {
        sb.append(',');
      }
      first = false;
      string(sb, String.valueOf(e.getKey()), html);
      sb.append(':');
      encode(sb, e.getValue(), html);
    }
    sb.append('}');
  }

  /** Go's float encoding: 'f' format, or 'e' below 1e-6 and from 1e21, with e-7 not e-07. */
  static String number(double f, int bits) throws UnsupportedException {
    if (Double.isNaN(f) || Double.isInfinite(f)) {
      throw new UnsupportedException("json: unsupported value: " + GoFloat.v(f));
    }
    double abs = Math.abs(f);
    char fmt = 'f';
    if (abs != 0 && (abs < 1e-6 || abs >= 1e21)) {
      fmt = 'e';
    }
    String s = GoFloat.format(f, fmt, -1, bits);
    int n = s.length();
    if (fmt == 'e' && n >= 4 && s.charAt(n - 4) == 'e' && s.charAt(n - 3) == '-') {
      if (s.charAt(n - 2) == '0') {
        s = s.substring(0, n - 2) + s.charAt(n - 1);
      }
    }
    return s;
  }

  static void string(StringBuilder sb, String s, boolean html) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        ascii(sb, c, html);
      } else if (c == '\u2028' || c == '\u2029') {
        sb.append("\\u202").append(c == '\u2028' ? '8' : '9');
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        sb.append(c).append(s.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        sb.append("\\ufffd");
      } else {
        sb.append(c);
      }
    }
    sb.append('"');
  }

  private static void ascii(StringBuilder sb, char c, boolean html) {
    if (c >= 0x20 && c != '"' && c != '\\' && !(html && (c == '<' || c == '>' || c == '&'))) {
      sb.append(c);
      return;
    }
    switch (c) {
      case '"', '\\' -> sb.append('\\').append(c);
      case '\b' -> sb.append("\\b");
      case '\f' -> sb.append("\\f");
      case '\n' -> sb.append("\\n");
      case '\r' -> sb.append("\\r");
      case '\t' -> sb.append("\\t");
      default -> sb.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
    }
  }

  /** {@code json.Indent(dst, src, prefix, indent)} of compact, valid JSON. */
  static String indent(String src, String prefix, String indent) {
    StringBuilder dst = new StringBuilder(src.length() * 2);
    boolean needIndent = false;
    int depth = 0;
    for (int i = 0; i < src.length(); i++) {
      char c = src.charAt(i);
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        continue;
      }
      if (needIndent && c != ']' && c != '}') {
        needIndent = false;
        depth++;
        newline(dst, prefix, indent, depth);
      }
      switch (c) {
        case '"' -> i = copyString(src, i, dst);
        case '{', '[' -> {
          needIndent = true;
          dst.append(c);
        }
        case ',' -> {
          dst.append(c);
          newline(dst, prefix, indent, depth);
        }
        case ':' -> dst.append(": ");
        case '}', ']' -> {
          if (needIndent) {
            needIndent = false;
          } else {
            depth--;
            newline(dst, prefix, indent, depth);
          }
          dst.append(c);
        }
        default -> dst.append(c);
      }
    }
    return dst.toString();
  }

  /** Copies the string literal that starts at {@code i}; returns the index of its closing quote. */
  private static int copyString(String src, int i, StringBuilder dst) {
    dst.append('"');
    for (i++; i < src.length(); i++) {
      char c = src.charAt(i);
      dst.append(c);
      if (c == '\\') {
        dst.append(src.charAt(++i));
      } else if (c == '"') {
        return i;
      }
    }
    return i;
  }

  private static void newline(StringBuilder dst, String prefix, String indent, int depth) {
    dst.append('\n').append(prefix).append(indent.repeat(depth));
  }
}
