package io.jdock.cli.format;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

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

  /** A method of the data model: string parameters only. */
  static Func of(TemplateMethod m) {
    return new Func(
        Collections.nCopies(m.arity(), Param.STRING),
        false,
        a -> m.body().apply(a.stream().map(String.class::cast).toList()));
  }

  /**
   * Go's message when a call passes the wrong number of arguments: {@code numArgs} written in the
   * template, and one more when the previous command's value is passed ({@code hasFinal}).
   */
  Optional<String> arityError(String name, int numArgs, boolean hasFinal) {
    int numIn = numArgs + (hasFinal ? 1 : 0);
    if (variadic && numIn < params.size() - 1) {
      return Optional.of(
          "wrong number of args for "
              + name
              + ": want at least "
              + (params.size() - 1)
              + " got "
              + numArgs);
    } else if (!variadic && numIn != params.size()) {
      return Optional.of(
          "wrong number of args for " + name + ": want " + params.size() + " got " + numIn);
    }
    return Optional.empty();
  }
}
