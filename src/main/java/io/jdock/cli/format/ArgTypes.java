package io.jdock.cli.format;

import io.jdock.cli.format.Func.Param;
import java.util.List;

/**
 * The passing of arguments to a function's parameter types, as Go's {@code evalArg} and {@code
 * validateType} do it: which values and constants a parameter accepts, how a nil becomes a typed
 * nil, and Go's messages when it does not fit ({@code wrong type for value; expected string; got
 * float64}).
 */
final class ArgTypes {
  private final ExecPosition position;

  ArgTypes(ExecPosition position) {
    this.position = position;
  }

  private static boolean isInterface(Param typ) {
    return typ == null || typ == Param.ANY || typ == Param.VALUE;
  }

  /** The constant {@code nil} as an argument of type {@code typ}. */
  Object nil(Param typ) {
    if (isInterface(typ)) {
      return null;
    }
    if (typ == Param.STRING_SLICE) {
      return GoNil.SLICE;
    }
    throw position.errorf("cannot assign nil to " + typ);
  }

  /** A bool, number or string constant as an argument of type {@code typ}. */
  Object constant(Param typ, Node n) {
    if (isInterface(typ)) {
      if (n instanceof Node.Bool b) {
        return b.value();
      } else if (n instanceof Node.Number num) {
        return Numbers.constant(num);
      } else if (n instanceof Node.StringLit s) {
        return s.text();
      }
      throw position.errorf("can't handle assignment of " + n + " to empty interface argument");
    }
    switch (typ) {
      case BOOL:
        if (n instanceof Node.Bool b) {
          return b.value();
        }
        throw position.errorf("expected bool; found " + n);
      case INT:
        if (n instanceof Node.Number num && num.isInt() && num.intValue() == (int) num.intValue()) {
          return (int) num.intValue();
        }
        throw position.errorf("expected integer; found " + n);
      case STRING:
        if (n instanceof Node.StringLit s) {
          return s.text();
        }
        throw position.errorf("expected string; found " + n);
      default:
        throw position.errorf("can't handle " + n + " for arg of type " + typ);
    }
  }

  /** Checks an evaluated value against the parameter type; a missing value becomes a nil. */
  Object validate(Object value, Param typ) {
    if (typ == null || typ == Param.VALUE) {
      return value;
    }
    if (value == null) {
      return switch (typ) {
        case ANY -> null;
        case STRING_SLICE -> GoNil.SLICE;
        default -> throw position.errorf("invalid value; expected " + typ);
      };
    }
    if (typ == Param.ANY) {
      return GoTypes.unwrap(value);
    }
    boolean ok =
        switch (typ) {
          case STRING -> value instanceof String;
          case INT -> value instanceof Integer;
          case BOOL -> value instanceof Boolean;
          case STRING_SLICE ->
              value == GoNil.SLICE
                  || (value instanceof List<?> l && l.stream().allMatch(e -> e instanceof String));
          default -> true;
        };
    if (!ok) {
      throw position.errorf(
          "wrong type for value; expected " + typ + "; got " + GoTypes.typeName(value));
    }
    return value;
  }
}
