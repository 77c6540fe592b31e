package io.jdock.cli.format;

import io.jdock.cli.format.Node.Branch;
import io.jdock.cli.format.Node.ListNode;
import io.jdock.cli.format.Node.Pipe;
import java.util.List;
import java.util.Map;

/**
 * One execution of a parsed template (Go's {@code exec.go} state): walks the tree through text,
 * actions and the control structures ({@code if / with / range / break / continue / template}), has
 * the pipelines evaluated by {@link Eval}, and writes the output. Errors carry Go's text: {@code
 * template: :LINE:COL: executing "" at <NODE>: MESSAGE}.
 */
final class Exec {
  private static final int MAX_DEPTH = 100_000;

  private final Map<String, ListNode> templates;
  private final StringBuilder out;
  private final ExecPosition position;
  private final Variables vars;
  private final Eval eval;
  private int depth;

  /** {@code structMaps}: a missing key of a plain map is an error, as for a Go struct. */
  Exec(
      String text,
      Map<String, ListNode> templates,
      Map<String, Func> funcs,
      boolean missingKeyError,
      boolean structMaps,
      StringBuilder out) {
    this.templates = templates;
    this.out = out;
    this.position = new ExecPosition(text);
    this.vars = new Variables(position);
    this.eval = new Eval(position, vars, funcs, missingKeyError, structMaps);
  }

  /** {@code {{break}}}: unwinds to the innermost range loop. */
  private static final class BreakSignal extends RuntimeException {
    BreakSignal() {
      super(null, null, false, false);
    }
  }

  /** {@code {{continue}}}: unwinds to the innermost range iteration. */
  private static final class ContinueSignal extends RuntimeException {
    ContinueSignal() {
      super(null, null, false, false);
    }
  }

  /**
   * Executes {@code root} with {@code data} as {@code $} and dot.
   *
   * @throws ExecPosition.ExecError with Go's message
   */
  void run(ListNode root, Object data) {
    vars.push("$", data);
    walk(data, root);
  }

  private void walk(Object dot, Node n) {
    position.at(n);
    if (n instanceof Node.Action a) {
      Object val = eval.pipeline(dot, a.pipe());
      if (a.pipe().decl().isEmpty()) {
        position.at(a);
        out.append(val == null ? "<no value>" : GoFmt.v(val));
      }
    } else if (n instanceof ListNode l) {
      for (Node child : l.nodes()) {
        walk(dot, child);
      }
    } else if (n instanceof Node.Text t) {
      out.append(t.text());
    } else if (n instanceof Branch b && b.kind() == Branch.Kind.RANGE) {
      walkRange(dot, b);
    } else if (n instanceof Branch b) {
      walkIfOrWith(dot, b);
    } else if (n instanceof Node.Template t) {
      walkTemplate(dot, t);
    } else if (n instanceof Node.Break) {
      throw new BreakSignal();
    } else if (n instanceof Node.Continue) {
      throw new ContinueSignal();
    } else {
      throw position.errorf("unknown node: " + n);
    }
  }

  private void walkIfOrWith(Object dot, Branch b) {
    int mark = vars.mark();
    try {
      Object val = eval.pipeline(dot, b.pipe());
      if (GoTypes.isTrue(val)) {
        walk(b.kind() == Branch.Kind.WITH ? val : dot, b.list());
      } else if (b.elseList() != null) {
        walk(dot, b.elseList());
      }
    } finally {
      vars.pop(mark);
    }
  }

  private void walkRange(Object dot, Branch r) {
    position.at(r);
    int outer = vars.mark();
    try {
      Object val = GoTypes.unwrap(eval.pipeline(dot, r.pipe()));
      int mark = vars.mark();
      boolean iterated = false;
      if (val instanceof List<?> list) {
        for (int i = 0; i < list.size(); i++) {
          iterated = true;
          oneIteration(r, mark, i, GoTypes.element(list.get(i)));
        }
      } else if (val instanceof Map<?, ?> map) {
        for (Map.Entry<String, Object> e : GoFmt.sorted(map).entrySet()) {
          iterated = true;
          oneIteration(r, mark, e.getKey(), GoTypes.element(e.getValue()));
        }
      } else if (GoTypes.isInteger(val)) {
        iterated = rangeInt(r, mark, ((Number) val).longValue());
      } else if (val != null && !(val instanceof GoNil)) {
        throw position.errorf("range can't iterate over " + GoFmt.v(val));
      }
      if (!iterated && r.elseList() != null) {
        walk(dot, r.elseList());
      }
    } catch (BreakSignal done) {
      // {{break}} ends the loop.
    } finally {
      vars.pop(outer);
    }
  }

  private boolean rangeInt(Branch r, int mark, long n) {
    if (r.pipe().decl().size() > 1) {
      throw position.errorf("can't use " + n + " to iterate over more than one variable");
    }
    for (int i = 0; i < n; i++) {
      oneIteration(r, mark, i, i);
    }
    return n > 0;
  }

  /** Sets the range's variables (one: the element; two: index and element), walks the body. */
  private void oneIteration(Branch r, int mark, Object index, Object elem) {
    Pipe pipe = r.pipe();
    List<Node.Variable> decl = pipe.decl();
    if (!decl.isEmpty()) {
      if (pipe.isAssign()) {
        vars.set(decl.get(0).idents().get(0), decl.size() > 1 ? index : elem);
      } else {
        vars.setTop(1, elem);
      }
    }
    if (decl.size() > 1) {
      if (pipe.isAssign()) {
        vars.set(decl.get(1).idents().get(0), elem);
      } else {
        vars.setTop(2, index);
      }
    }
    try {
      walk(elem, r.list());
    } catch (ContinueSignal next) {
      // {{continue}} starts the next iteration.
    } finally {
      vars.pop(mark);
    }
  }

  /** A template invocation inherits no variables; those its pipeline declares stay the caller's. */
  private void walkTemplate(Object dot, Node.Template t) {
    position.at(t);
    ListNode tmpl = templates.get(t.name());
    if (tmpl == null) {
      throw position.errorf("template " + GoQuote.quote(t.name()) + " not defined");
    }
    if (depth == MAX_DEPTH) {
      throw position.errorf("exceeded maximum template depth (" + MAX_DEPTH + ")");
    }
    Object newDot = t.pipe() == null ? null : eval.pipeline(dot, t.pipe());
    List<Variables.Variable> saved = vars.enterTemplate(newDot);
    depth++;
    try {
      walk(newDot, tmpl);
    } finally {
      depth--;
      vars.restore(saved);
    }
  }
}
