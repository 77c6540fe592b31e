package io.jdock.cli.format;

import java.util.List;

/**
 * A template function or method: its Go parameter types (which decide how arguments are checked and
 * converted, with Go's messages) and its body. The last parameter repeats when variadic.
 */
record Func(List<Param> params, boolean variadic, Body body) {

  /** Go parameter types that the functions of docker's templates use. */
  enum Param {
    STRING("string"),
    INT("int"),
    BOOL("bool"),
    STRING_SLICE("[]string"),
    ANY("interface {}"),
    VALUE("reflect.Value");

    private final String goName;

    Param(String goName) {
      this.goName = goName;
    }

    @Override
    public String toString() {
      return goName;
    }
  }

  /** The function's code, given arguments already checked against the parameters. */
  interface Body {
    Object apply(List<Object> args) throws CallException;
  }

  /** An error returned by a function: Go reports it as {@code error calling NAME: MESSAGE}. */
  static final class CallException extends Exception {
    CallException(String message) {
      super(message, null, false, false);
    }
  }

  static Func of(Body body, Param... params) {
    return new Func(List.of(params), false, body);
  }

  static Func variadic(Body body, Param... params) {
    return new Func(List.of(params), true, body);
  }
}
