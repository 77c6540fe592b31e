package io.jdock.cli.format;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The escaping functions of Go's text/template ({@code html js urlquery} in {@code funcs.go}):
 * {@code HTMLEscapeString}, {@code JSEscapeString} and {@code url.QueryEscape} of their arguments.
 */
final class Escapers {
  private Escapers() {}

  /** The single string argument, or {@code fmt.Sprint} of all (Go's {@code evalArgs}). */
  static String evalArgs(List<Object> args) {
    if (args.size() == 1 && args.get(0) instanceof String s) {
      return s;
    }
    return GoFmt.sprint(args);
  }

  static String html(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\0' -> sb.append('\uFFFD');
        case '"' -> sb.append("&#34;");
        case '\'' -> sb.append("&#39;");
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }

  static String js(String s) {
    StringBuilder sb = new StringBuilder();
    s.codePoints()
        .forEach(
            r -> {
              switch (r) {
                case '\\' -> sb.append("\\\\");
                case '\'' -> sb.append("\\'");
                case '"' -> sb.append("\\\"");
                case '<' -> sb.append("\\u003C");
                case '>' -> sb.append("\\u003E");
                case '&' -> sb.append("\\u0026");
                case '=' -> sb.append("\\u003D");
                default -> {
                  if (r < ' ' || (r >= 0x80 && !GoQuote.isPrint(r))) {
                    sb.append(String.format("\\u%04X", r));
                  } else {
                    sb.appendCodePoint(r);
                  }
                }
              }
            });
    return sb.toString();
  }

  static String urlquery(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("*", "%2A").replace("%7E", "~");
  }
}
