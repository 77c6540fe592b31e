package io.jdock.cli.format;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * A method with string parameters in the template data model, as docker's contexts have them:
 * {@code {{.Label "com.example.key"}}} calls the {@code Label} entry of the row with one argument.
 * Methods are not part of a row's {@code {{json .}}} output (docker marshals only the methods
 * without parameters).
 *
 * @param arity the number of string arguments
 * @param body the implementation, given exactly {@code arity} arguments
 */
public record TemplateMethod(int arity, Function<List<String>, Object> body) {
  public TemplateMethod {
    Objects.requireNonNull(body, "body");
    if (arity < 0) {
      throw new IllegalArgumentException("negative arity");
    }
  }

  /** A method of one string argument, such as docker's {@code Label(name string) string}. */
  public static TemplateMethod of(Function<String, Object> body) {
    return new TemplateMethod(1, args -> body.apply(args.get(0)));
  }
}
