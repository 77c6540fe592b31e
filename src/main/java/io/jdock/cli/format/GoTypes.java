package io.jdock.cli.format;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What Go's reflection would say about a value of the template data model: its type name (for error
 * messages), its truth in {@code if}, and its basic kind for comparisons.
 */
final class GoTypes {
  private GoTypes() {}

  /**
   * A nil interface value found inside a map or slice. Go keeps it apart from a missing value (the
   * invalid {@code reflect.Value}, Java {@code null}) until a pipeline ends: {@code .Nil.x} fails
   * with {@code nil pointer evaluating interface {}.x} while {@code .Missing.x} is {@code <no
   * value>}.
   */
  static final Object NIL_IFACE =
      new Object() {
        @Override
        public String toString() {
          return "<nil>";
        }
      };

  /** Replaces a nil interface by the missing value, as Go's {@code indirectInterface}. */
  static Object unwrap(Object v) {
    return v == NIL_IFACE ? null : v;
  }

  /** A container element or map value: a nil becomes a nil interface. */
  static Object element(Object v) {
    return v == null ? NIL_IFACE : v;
  }

  static String typeName(Object v) {
    if (v == null) {
      return "<nil>";
    } else if (v == NIL_IFACE) {
      return "interface {}";
    } else if (v instanceof String) {
      return "string";
    } else if (v instanceof Integer) {
      return "int";
    } else if (v instanceof Long) {
      return "int64";
    } else if (v instanceof Double) {
      return "float64";
    } else if (v instanceof Float) {
      return "float32";
    } else if (v instanceof Boolean) {
      return "bool";
    } else if (v instanceof Instant) {
      return "time.Time";
    } else if (v instanceof Row r) {
      return r.typeName();
    } else if (v instanceof GoValues.StringMap) {
      return "map[string]string";
    } else if (v instanceof Map) {
      return "map[string]interface {}";
    } else if (v == GoNil.MAP) {
      return "map[string]interface {}";
    } else if (v instanceof List<?> l) {
      return !l.isEmpty() && l.stream().allMatch(e -> e instanceof String)
          ? "[]string"
          : "[]interface {}";
    } else if (v == GoNil.SLICE) {
      return "[]interface {}";
    } else if (v instanceof TemplateMethod m) {
      return "func(" + String.join(", ", java.util.Collections.nCopies(m.arity(), "string")) + ")";
    }
    return v.getClass().getSimpleName();
  }

  /** Go's {@code isTrue}: not the zero value of its type. */
  static boolean isTrue(Object v) {
    if (v == null || v == NIL_IFACE || v instanceof GoNil) {
      return false;
    } else if (v instanceof String s) {
      return !s.isEmpty();
    } else if (v instanceof Boolean b) {
      return b;
    } else if (v instanceof Double || v instanceof Float) {
      return ((Number) v).doubleValue() != 0;
    } else if (v instanceof Number n) {
      return n.longValue() != 0;
    } else if (v instanceof List<?> l) {
      return !l.isEmpty();
    } else if (v instanceof Row) {
      return true;
    } else if (v instanceof Map<?, ?> m) {
      return !m.isEmpty();
    }
    return true;
  }

  /** Basic kinds of Go's comparison functions. */
  enum Kind {
    INVALID,
    BOOL,
    INT,
    FLOAT,
    STRING
  }

  static Kind basicKind(Object v) {
    if (v instanceof Boolean) {
      return Kind.BOOL;
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short) {
      return Kind.INT;
    } else if (v instanceof Double || v instanceof Float) {
      return Kind.FLOAT;
    } else if (v instanceof String) {
      return Kind.STRING;
    }
    return Kind.INVALID;
  }

  /** Whether the value is an integer of any Go integer type. */
  static boolean isInteger(Object v) {
    return v instanceof Integer || v instanceof Long || v instanceof Short;
  }
}
