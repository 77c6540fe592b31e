package io.jdock.cli.format;

import io.jdock.cli.format.Func.CallException;
import io.jdock.cli.format.GoTypes.Kind;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The comparison functions of Go's text/template ({@code eq ne lt le gt ge} in {@code funcs.go}):
 * values of the same basic kind (bool, integer, float, string) compare; {@code eq} also compares
 * nils and other comparable values; anything else fails with Go's message.
 */
final class Comparisons {
  private Comparisons() {}

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
          throw incompatible();
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

  private static CallException incompatible() {
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
    return Arrays.compareUnsigned(x, y);
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
      throw incompatible();
    }
    if (k1 == Kind.BOOL) {
      throw new CallException("invalid type for comparison");
    }
    return compare(k1, arg1, arg2) < 0;
  }

  static boolean le(Object arg1, Object arg2) throws CallException {
    return lt(arg1, arg2) || eq(arg1, List.of(arg2 == null ? GoTypes.NIL_IFACE : arg2));
  }
}
