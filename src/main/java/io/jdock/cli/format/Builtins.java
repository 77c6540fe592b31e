package io.jdock.cli.format;

import static io.jdock.cli.format.Func.Param.ANY;
import static io.jdock.cli.format.Func.Param.STRING;
import static io.jdock.cli.format.Func.Param.VALUE;

import io.jdock.cli.format.Func.CallException;
import io.jdock.cli.format.GoTypes.Kind;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The predefined functions of Go's text/template ({@code funcs.go}): {@code and or not len index
 * slice print printf println html js urlquery eq ne lt le gt ge}, with Go's semantics and error
 * messages. ({@code and} and {@code or} short-circuit in the executor.)
 */
final class Builtins {
  private Builtins() {}

  static final Map<String, Func> FUNCS =
      Map.ofEntries(
          Map.entry("and", Func.variadic(a -> a.get(a.size() - 1), VALUE, VALUE)),
          Map.entry("or", Func.variadic(a -> a.get(a.size() - 1), VALUE, VALUE)),
          Map.entry("not", Func.of(a -> !GoTypes.isTrue(GoTypes.unwrap(a.get(0))), VALUE)),
          Map.entry("len", Func.of(a -> length(a.get(0)), VALUE)),
          Map.entry(
              "index", Func.variadic(a -> index(a.get(0), a.subList(1, a.size())), VALUE, VALUE)),
          Map.entry(
              "slice", Func.variadic(a -> slice(a.get(0), a.subList(1, a.size())), VALUE, VALUE)),
          Map.entry("print", Func.variadic(GoFmt::sprint, ANY)),
          Map.entry("println", Func.variadic(GoFmt::sprintln, ANY)),
          Map.entry(
              "printf",
              Func.variadic(
                  a -> GoPrintf.sprintf((String) a.get(0), a.subList(1, a.size())), STRING, ANY)),
          Map.entry("html", Func.variadic(a -> html(evalArgs(a)), ANY)),
          Map.entry("js", Func.variadic(a -> js(evalArgs(a)), ANY)),
          Map.entry("urlquery", Func.variadic(a -> urlquery(evalArgs(a)), ANY)),
          Map.entry("eq", Func.variadic(a -> eq(a.get(0), a.subList(1, a.size())), VALUE, VALUE)),
          Map.entry("ne", Func.of(a -> !eq(a.get(0), a.subList(1, 2)), VALUE, VALUE)),
          Map.entry("lt", Func.of(a -> lt(a.get(0), a.get(1)), VALUE, VALUE)),
          Map.entry("le", Func.of(a -> le(a.get(0), a.get(1)), VALUE, VALUE)),
          Map.entry("gt", Func.of(a -> !le(a.get(0), a.get(1)), VALUE, VALUE)),
          Map.entry("ge", Func.of(a -> !lt(a.get(0), a.get(1)), VALUE, VALUE)));

  static Object length(Object item) throws CallException {
    if (item == GoTypes.NIL_IFACE) {
      throw new CallException("len of nil pointer");
    } else if (item == null) {
      throw new CallException("reflect: call of reflect.Value.Type on zero Value");
    } else if (item instanceof String s) {
      return s.getBytes(StandardCharsets.UTF_8).length;
    } else if (item instanceof List<?> l) {
      return l.size();
    } else if (item instanceof Map<?, ?> m) {
      return m.size();
    } else if (item instanceof GoNil) {
      return 0;
    }
    throw new CallException("len of type " + GoTypes.typeName(item));
  }

  private static int indexArg(Object index, int cap) throws CallException {
    if (index == null) {
      throw new CallException("cannot index slice/array with nil");
    }
    if (!GoTypes.isInteger(index)) {
      throw new CallException("cannot index slice/array with type " + GoTypes.typeName(index));
    }
    long x = ((Number) index).longValue();
    if (x < 0 || x > cap) {
      throw new CallException("index out of range: " + x);
    }
    return (int) x;
  }

  static Object index(Object item, List<Object> indexes) throws CallException {
    item = GoTypes.unwrap(item);
    if (item == null) {
      throw new CallException("index of untyped nil");
    }
    for (Object raw : indexes) {
      Object index = GoTypes.unwrap(raw);
      if (item == GoTypes.NIL_IFACE) {
        throw new CallException("index of nil pointer");
      }
      item = indexOne(item, index);
    }
    return item;
  }

  private static Object indexOne(Object item, Object index) throws CallException {
    if (item instanceof List<?> list) {
      int x = indexArg(index, list.size());
      if (x == list.size()) {
        throw new CallException("reflect: slice index out of range");
      }
      return GoTypes.element(list.get(x));
    } else if (item == GoNil.SLICE) {
      indexArg(index, 0);
      throw new CallException("reflect: slice index out of range");
    } else if (item instanceof String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      int x = indexArg(index, bytes.length);
      if (x == bytes.length) {
        throw new CallException("reflect: string index out of range");
      }
      return bytes[x] & 0xff;
    } else if (item instanceof Map<?, ?> map && !(item instanceof Row) || item == GoNil.MAP) {
      if (index == null) {
        throw new CallException("value is nil; should be of type string");
      }
      if (!(index instanceof String key)) {
        throw new CallException("value has type " + GoTypes.typeName(index) + "; should be string");
      }
      Map<?, ?> m = item == GoNil.MAP ? Map.of() : (Map<?, ?>) item;
      if (m.containsKey(key)) {
        return GoTypes.element(m.get(key));
      }
      return item instanceof GoValues.StringMap ? "" : GoTypes.NIL_IFACE;
    }
    throw new CallException("can't index item of type " + GoTypes.typeName(item));
  }

  static Object slice(Object item, List<Object> indexes) throws CallException {
    item = GoTypes.unwrap(item);
    if (item == null) {
      throw new CallException("slice of untyped nil");
    }
    if (indexes.size() > 3) {
      throw new CallException("too many slice indexes: " + indexes.size());
    }
    int len;
    if (item instanceof String s) {
      if (indexes.size() == 3) {
        throw new CallException("cannot 3-index slice a string");
      }
      len = s.getBytes(StandardCharsets.UTF_8).length;
    } else if (item instanceof List<?> l) {
      len = l.size();
    } else {
      throw new CallException("can't slice item of type " + GoTypes.typeName(item));
    }
    int[] idx = {0, len, len};
    for (int i = 0; i < indexes.size(); i++) {
      idx[i] = indexArg(GoTypes.unwrap(indexes.get(i)), len);
    }
    if (idx[0] > idx[1]) {
      throw new CallException("invalid slice index: " + idx[0] + " > " + idx[1]);
    }
    if (indexes.size() == 3 && idx[1] > idx[2]) {
      throw new CallException("invalid slice index: " + idx[1] + " > " + idx[2]);
    }
    if (item instanceof String s) {
      byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
      return new String(bytes, idx[0], idx[1] - idx[0], StandardCharsets.UTF_8);
    }
    return new ArrayList<>(((List<?>) item).subList(idx[0], idx[1]));
  }

  static boolean eq(Object arg1, List<Object> others) throws CallException {
    arg1 = GoTypes.unwrap(arg1);
    if (others.isEmpty()) {
      throw new CallException("missing argument for comparison");
    }
    Kind k1 = GoTypes.basicKind(arg1);
    for (Object raw : others) {
      Object arg = GoTypes.unwrap(raw);
      Kind k2 = GoTypes.basicKind(arg);
      boolean truth = false;
      if (k1 != k2) {
        if (arg1 != null && arg != null) {
          throw incompatible(arg1, arg);
        }
      } else if (k1 == Kind.INVALID) {
        truth = eqNillable(arg1, arg);
      } else {
        truth = compare(k1, arg1, arg) == 0;
      }
      if (truth) {
        return true;
      }
    }
    return false;
  }

  private static boolean eqNillable(Object a, Object b) throws CallException {
    boolean nilA = isNil(a);
    boolean nilB = isNil(b);
    if (nilA || nilB) {
      return nilA == nilB;
    }
    if (b instanceof List || b instanceof Map || b instanceof TemplateMethod) {
      throw new CallException("non-comparable type " + GoFmt.v(b) + ": " + GoTypes.typeName(b));
    }
    return a.equals(b);
  }

  private static boolean isNil(Object v) {
    return v == null || v instanceof GoNil || (v instanceof GoValues.StringMap m && m.isNil());
  }

  private static CallException incompatible(Object a, Object b) {
    return new CallException("incompatible types for comparison");
  }

  private static int compare(Kind k, Object a, Object b) {
    return switch (k) {
      case BOOL -> Boolean.compare((Boolean) a, (Boolean) b);
      case INT -> Long.compare(((Number) a).longValue(), ((Number) b).longValue());
      case FLOAT ->
          Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue()) == 0
              ? 0
              : (((Number) a).doubleValue() < ((Number) b).doubleValue() ? -1 : 1);
      case STRING -> compareBytes((String) a, (String) b);
      default -> throw new IllegalStateException("not comparable: " + k);
    };
  }

  private static int compareBytes(String a, String b) {
    byte[] x = a.getBytes(StandardCharsets.UTF_8);
    byte[] y = b.getBytes(StandardCharsets.UTF_8);
    return java.util.Arrays.compareUnsigned(x, y);
  }

  static boolean lt(Object arg1, Object arg2) throws CallException {
    arg1 = GoTypes.unwrap(arg1);
    arg2 = GoTypes.unwrap(arg2);
    Kind k1 = GoTypes.basicKind(arg1);
    Kind k2 = GoTypes.basicKind(arg2);
    if (k1 == Kind.INVALID || k2 == Kind.INVALID) {
      throw new CallException("invalid type for comparison");
    }
    if (k1 != k2) {
      throw incompatible(arg1, arg2);
    }
    if (k1 == Kind.BOOL) {
      throw new CallException("invalid type for comparison");
    }
    return compare(k1, arg1, arg2) < 0;
  }

  static boolean le(Object arg1, Object arg2) throws CallException {
    return lt(arg1, arg2) || eq(arg1, List.of(arg2 == null ? GoTypes.NIL_IFACE : arg2));
  }

  /** The single string argument, or {@code fmt.Sprint} of all (Go's {@code evalArgs}). */
  private static String evalArgs(List<Object> args) {
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
