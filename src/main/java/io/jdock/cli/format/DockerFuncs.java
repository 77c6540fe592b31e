package io.jdock.cli.format;

import static io.jdock.cli.format.Func.Param.ANY;
import static io.jdock.cli.format.Func.Param.INT;
import static io.jdock.cli.format.Func.Param.STRING;
import static io.jdock.cli.format.Func.Param.STRING_SLICE;

import io.jdock.cli.format.Func.CallException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The functions docker adds to every template ({@code templates/templates.go}): {@code json split
 * join title lower upper pad truncate}, and the header variants that leave a column name intact.
 */
final class DockerFuncs {
  private DockerFuncs() {}

  static final Map<String, Func> FUNCS =
      Map.of(
          "json", Func.of(a -> json(a.get(0)), ANY),
          "split", Func.of(a -> split((String) a.get(0), (String) a.get(1)), STRING, STRING),
          "join", Func.of(a -> join(a.get(0), (String) a.get(1)), STRING_SLICE, STRING),
          "title", Func.of(a -> title((String) a.get(0)), STRING),
          "lower", Func.of(a -> ((String) a.get(0)).toLowerCase(Locale.ROOT), STRING),
          "upper", Func.of(a -> ((String) a.get(0)).toUpperCase(Locale.ROOT), STRING),
          "pad",
              Func.of(
                  a -> pad((String) a.get(0), (int) a.get(1), (int) a.get(2)), STRING, INT, INT),
          "truncate", Func.of(a -> truncate((String) a.get(0), (int) a.get(1)), STRING, INT));

  /** docker's {@code templates.HeaderFunctions}: the header row keeps the column names. */
  static final Map<String, Func> HEADER_FUNCS =
      Map.of(
          "json", Func.of(a -> a.get(0), STRING),
          "split", Func.of(a -> a.get(0), STRING, STRING),
          "join", Func.of(a -> a.get(0), STRING, STRING),
          "title", Func.of(a -> a.get(0), STRING),
          "lower", Func.of(a -> a.get(0), STRING),
          "upper", Func.of(a -> a.get(0), STRING),
          "truncate", Func.of(a -> a.get(0), STRING, INT));

  /** Go's predefined functions and docker's, by name. */
  static Map<String, Func> standard() {
    return GoTemplate.FUNCS;
  }

  /** An Encoder with {@code SetEscapeHTML(false)}, its trailing newline trimmed. */
  static String json(Object v) throws CallException {
    try {
      return GoJson.marshal(v, false);
    } catch (GoJson.UnsupportedException e) {
      throw new CallException(e.getMessage());
    }
  }

  /** {@code strings.Split}. */
  static List<String> split(String s, String sep) {
    List<String> out = new ArrayList<>();
    if (sep.isEmpty()) {
      s.codePoints().forEach(r -> out.add(new String(Character.toChars(r))));
      return out;
    }
    for (String part : s.split(Pattern.quote(sep), -1)) {
      out.add(part);
    }
    return out;
  }

  private static String join(Object slice, String sep) {
    if (!(slice instanceof List<?> list)) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    list.forEach(e -> parts.add((String) e));
    return String.join(sep, parts);
  }

  /** {@code strings.Title}: upper-cases the first letter of each word. */
  static String title(String s) {
    StringBuilder sb = new StringBuilder();
    int[] prev = {' '};
    s.codePoints()
        .forEach(
            r -> {
              sb.appendCodePoint(isSeparator(prev[0]) ? Character.toTitleCase(r) : r);
              prev[0] = r;
            });
    return sb.toString();
  }

  private static boolean isSeparator(int r) {
    if (r <= 0x7f) {
      return !(Character.isLetterOrDigit(r) || r == '_');
    }
    if (Character.isLetter(r) || Character.isDigit(r)) {
      return false;
    }
    return Character.isWhitespace(r) || Character.isSpaceChar(r);
  }

  static String pad(String s, int prefix, int suffix) throws CallException {
    if (s.isEmpty()) {
      return s;
    }
    if (prefix < 0 || suffix < 0) {
      throw new CallException("strings: negative Repeat count");
    }
    return " ".repeat(prefix) + s + " ".repeat(suffix);
  }

  /** Truncates to a length in bytes, as Go slices a string. */
  static String truncate(String s, int length) throws CallException {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    if (bytes.length < length) {
      return s;
    }
    if (length < 0) {
      throw new CallException("runtime error: slice bounds out of range [:" + length + "]");
    }
    return new String(bytes, 0, length, StandardCharsets.UTF_8);
  }
}
