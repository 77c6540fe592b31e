package io.jdock.cli.format;

import static io.jdock.cli.format.Func.Param.ANY;
import static io.jdock.cli.format.Func.Param.STRING;
import static io.jdock.cli.format.Func.Param.VALUE;

import io.jdock.cli.format.Func.CallException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The predefined functions of Go's text/template ({@code funcs.go}): {@code and or not len index
 * slice print printf println}, the comparisons of {@link Comparisons} and the escapers of {@link
 * Escapers}, with Go's semantics and error messages. ({@code and} and {@code or} short-circuit in
 * the evaluator.)
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
          Map.entry("html", Func.variadic(a -> Escapers.html(Escapers.evalArgs(a)), ANY)),
          Map.entry("js", Func.variadic(a -> Escapers.js(Escapers.evalArgs(a)), ANY)),
          Map.entry("urlquery", Func.variadic(a -> Escapers.urlquery(Escapers.evalArgs(a)), ANY)),
          Map.entry(
              "eq",
              Func.variadic(a -> Comparisons.eq(a.get(0), a.subList(1, a.size())), VALUE, VALUE)),
          Map.entry("ne", Func.of(a -> !Comparisons.eq(a.get(0), a.subList(1, 2)), VALUE, VALUE)),
          Map.entry("lt", Func.of(a -> Comparisons.lt(a.get(0), a.get(1)), VALUE, VALUE)),
          Map.entry("le", Func.of(a -> Comparisons.le(a.get(0), a.get(1)), VALUE, VALUE)),
          Map.entry("gt", Func.of(a -> !Comparisons.le(a.get(0), a.get(1)), VALUE, VALUE)),
          Map.entry("ge", Func.of(a -> !Comparisons.lt(a.get(0), a.get(1)), VALUE, VALUE)));

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
}
