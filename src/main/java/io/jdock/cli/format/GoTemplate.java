package io.jdock.cli.format;

import io.jdock.cli.format.Node.ListNode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A Go text/template as docker uses it, parsed once and executed on plain Java values (see {@link
 * GoValues} for the data model): text and actions with trim markers, fields and chains, variables,
 * pipelines, parenthesised calls, {@code if / else if / else}, {@code range} (with {@code $i, $e}
 * and {@code else}, {@code break}, {@code continue}), {@code with}, {@code define / template /
 * block}, Go's predefined functions and docker's {@code json split join title lower upper pad
 * truncate}. Output and error messages are Go's, byte for byte where docker users can see them.
 *
 * <pre>{@code
 * GoTemplate t = GoTemplate.parse("{{range .RepoTags}}{{.}} {{end}}");
 * String s = t.execute(Map.of("RepoTags", List.of("a:1", "b:2")));   // "a:1 b:2 "
 * }</pre>
 *
 * <p>Instances are immutable and may be executed concurrently.
 *
 * @see <a href="https://pkg.go.dev/text/template">Go text/template</a>
 */
public final class GoTemplate {
  static final Map<String, Func> FUNCS = new HashMap<>();

  static {
    FUNCS.putAll(Builtins.FUNCS);
    FUNCS.putAll(DockerFuncs.FUNCS);
  }

  /** What a missing map key gives: Go's {@code missingkey=default} or {@code missingkey=error}. */
  public enum MissingKey {
    /** A missing key is the missing value and prints {@code <no value>}. */
    DEFAULT,
    /** A missing key is an error: {@code map has no entry for key "Foo"}. */
    ERROR
  }

  private final String text;
  private final ListNode root;
  private final Map<String, ListNode> templates;

  private GoTemplate(String text, ListNode root, Map<String, ListNode> templates) {
    this.text = text;
    this.root = root;
    this.templates = templates;
  }

  /**
   * Parses a template.
   *
   * @throws TemplateException with Go's message, e.g. {@code template: :1: function "foo" not
   *     defined}
   */
  public static GoTemplate parse(String text) throws TemplateException {
    Map<String, ListNode> templates = new HashMap<>();
    Set<String> names = new HashSet<>(FUNCS.keySet());
    ListNode root = Parser.parse(text, names, templates);
    return new GoTemplate(text, root, Map.copyOf(templates));
  }

  /** Executes with {@code missingkey=default}; see {@link #execute(Object, MissingKey)}. */
  public String execute(Object data) throws TemplateException {
    return execute(data, MissingKey.DEFAULT);
  }

  /**
   * Executes the template on {@code data} and returns the output.
   *
   * @throws TemplateException with Go's message, e.g. {@code template: :1:2: executing "" at <index
   *     .RepoTags 5>: error calling index: index out of range: 5}
   */
  public String execute(Object data, MissingKey missingKey) throws TemplateException {
    StringBuilder out = new StringBuilder();
    run(out, data, FUNCS, missingKey == MissingKey.ERROR, false);
    return out.toString();
  }

  /**
   * Executes into {@code out}, which keeps what was written before an error (as Go's writer does).
   * {@code functions} replace the standard ones by name (docker's header functions); {@code
   * structMaps} makes a missing key of a plain map an error as for a Go struct.
   */
  void run(
      StringBuilder out,
      Object data,
      Map<String, Func> functions,
      boolean missingKeyError,
      boolean structMaps)
      throws TemplateException {
    Map<String, Func> all = functions;
    if (functions != FUNCS) {
      all = new HashMap<>(FUNCS);
      all.putAll(functions);
    }
    Exec exec = new Exec(text, templates, all, missingKeyError, structMaps, out);
    try {
      exec.run(root, data);
    } catch (ExecPosition.ExecError e) {
      throw new TemplateException(e.getMessage());
    } catch (StackOverflowError e) {
      throw new TemplateException("template: : exceeded maximum template depth");
    } catch (RuntimeException e) {
      // A case the engine does not model (e.g. an extreme printf width): one line, never a trace.
      throw new TemplateException("template: : executing \"\": " + e);
    }
  }

  /** The template's source text. */
  @Override
  public String toString() {
    return text;
  }
}
