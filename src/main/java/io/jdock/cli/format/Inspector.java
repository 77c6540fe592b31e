package io.jdock.cli.format;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * docker's {@code inspect} output ({@code cli/command/inspect/inspector.go}): without {@code
 * --format}, all objects as one JSON array indented with 4 spaces ({@code []} when there are none);
 * with {@code --format json}, the same array compact; with a template, its result for each object
 * followed by a newline (a lone newline when no object succeeded).
 *
 * <p>A template runs first as on docker's typed structs (a field missing from a plain map is an
 * error, a key missing from a {@link GoValues#stringMap} is {@code <no value>}); when that fails it
 * runs again with {@code missingkey=error}, as docker retries on the raw JSON, and that error is
 * reported.
 *
 * <pre>{@code
 * Inspector inspector = Inspector.create(format);          // FormatException, status 64
 * for (String ref : refs) {
 *   Optional<Map<String, Object>> image = store.inspect(ref);
 *   if (image.isPresent()) inspector.add(image.get());
 *   else inspector.addError("Error response from daemon: No such image: " + ref);
 * }
 * inspector.flush(out);                                  // FormatException, status 1
 * }</pre>
 */
public final class Inspector {
  private enum Mode {
    INDENTED,
    COMPACT,
    TEMPLATE
  }

  private final Mode mode;
  private final GoTemplate template;
  private final boolean escapeHtml;
  private final List<Object> elements = new ArrayList<>();
  private final StringBuilder results = new StringBuilder();
  private final List<String> errors = new ArrayList<>();

  private Inspector(Mode mode, GoTemplate template, boolean escapeHtml) {
    this.mode = mode;
    this.template = template;
    this.escapeHtml = escapeHtml;
  }

  /**
   * An inspector for {@code --format} (empty for JSON), encoding strings as docker's daemon does
   * (no HTML escaping: {@code <none>} stays {@code <none>}).
   *
   * @throws FormatException {@code template parsing error: ...} with exit status 64
   */
  public static Inspector create(String format) throws FormatException {
    return create(format, false);
  }

  /**
   * As {@link #create(String)}; {@code escapeHtml} encodes {@code < > &} as {@code \u003c} etc., as
   * docker does for objects it marshals itself (e.g. {@code docker context inspect}).
   */
  public static Inspector create(String format, boolean escapeHtml) throws FormatException {
    if (format == null || format.isEmpty()) {
      return new Inspector(Mode.INDENTED, null, escapeHtml);
    }
    if (format.equals("json")) {
      return new Inspector(Mode.COMPACT, null, escapeHtml);
    }
    try {
      return new Inspector(Mode.TEMPLATE, GoTemplate.parse(format), escapeHtml);
    } catch (TemplateException e) {
      throw new FormatException("template parsing error: " + e.getMessage(), 64);
    }
  }

  /** Adds one object (a {@code Map} of the data model); a template error is kept for flush. */
  public void add(Object element) {
    add(element, element);
  }

  /**
   * Adds one object in the two forms docker's inspect has: {@code typed}, the Go struct, which a
   * template runs on first; and {@code raw}, the daemon's JSON decoded into plain maps (numbers as
   * float64), which is what JSON output prints and what a failed template runs on again. So {@code
   * {{.Size}}} prints {@code 72900000} but {@code {{.Id}} {{.Size}}} prints {@code 7.29e+07}, as in
   * docker, where {@code .Id} is no field of the struct.
   */
  public void add(Object typed, Object raw) {
    if (mode != Mode.TEMPLATE) {
      elements.add(raw);
      return;
    }
    StringBuilder out = new StringBuilder();
    try {
      template.run(out, typed, GoTemplate.FUNCS, false, true);
    } catch (TemplateException typedError) {
      out.setLength(0);
      try {
        template.run(out, raw, GoTemplate.FUNCS, true, false);
      } catch (TemplateException rawError) {
        errors.add("template parsing error: " + rawError.getMessage());
        return;
      }
    }
    results.append(out).append('\n');
  }

  /** Records the error of an object that could not be found, in docker's words. */
  public void addError(String message) {
    errors.add(message);
  }

  /**
   * Writes the output, then fails if any object failed.
   *
   * @throws FormatException the errors, one per line, with exit status 1
   */
  public void flush(PrintWriter out) throws FormatException {
    out.print(render());
    out.flush();
    if (!errors.isEmpty()) {
      throw new FormatException(String.join("\n", errors), 1);
    }
  }

  /** The output {@link #flush} writes. */
  public String render() throws FormatException {
    if (mode == Mode.TEMPLATE) {
      return results.length() == 0 ? "\n" : results.toString();
    }
    if (elements.isEmpty()) {
      return "[]\n";
    }
    try {
      String compact = GoJson.marshal(elements, escapeHtml);
      return (mode == Mode.COMPACT ? compact : GoJson.indent(compact, "", "    ")) + "\n";
    } catch (GoJson.UnsupportedException e) {
      throw new FormatException(e.getMessage(), 1);
    }
  }
}
