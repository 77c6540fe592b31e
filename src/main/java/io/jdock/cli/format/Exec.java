package io.jdock.cli.format;

import io.jdock.cli.format.Func.Param;
import io.jdock.cli.format.Node.Branch;
import io.jdock.cli.format.Node.ListNode;
import io.jdock.cli.format.Node.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One execution of a parsed template (Go's {@code exec.go} state): walks the tree, evaluates
 * pipelines against the data model, and writes the output. Errors carry Go's text: {@code template:
 * :LINE:COL: executing "" at <NODE>: MESSAGE}.
 */
final class Exec {
  /** Go's {@code missingVal}: a command that receives no value from a previous command. */
  static final Object MISSING = new Object();

  private static final int MAX_DEPTH = 100_000;

  private final String text;
  private final Map<String, ListNode> templates;
  private final Map<String, Func> funcs;
  private final boolean missingKeyError;
  private final boolean strictMaps;
  private final StringBuilder out;
  private final List<String> varNames = new ArrayList<>();
  private final List<Object> varValues = new ArrayList<>();
  private Node node;
  private int depth;

  Exec(
      String text,
      Map<String, ListNode> templates,
      Map<String, Func> funcs,
      boolean missingKeyError,
      boolean strictMaps,
      StringBuilder out) {
    this.text = text;
    this.templates = templates;
    this.funcs = funcs;
    this.missingKeyError = missingKeyError;
    this.strictMaps = strictMaps;
    this.out = out;
  }

  /** Unwinds the execution like Go's panic of an ExecError. */
  static final class ExecError extends RuntimeException {
    ExecError(String message) {
      super(message, null, false, false);
    }
  }

  private static final class BreakSignal extends RuntimeException {
    BreakSignal() {
      super(null, null, false, false);
    }
  }

  private static final class ContinueSignal extends RuntimeException {
    ContinueSignal() {
      super(null, null, false, false);
    }
  }

  void run(ListNode root, Object data) {
    push("$", data);
    walk(data, root);
  }

  ExecError errorf(String message) {
    if (node == null) {
      return new ExecError("template: : " + message);
    }
    String before = text.substring(0, Math.min(node.pos(), text.length()));
    int nl = before.lastIndexOf('\n');
    String lineText = nl < 0 ? before : before.substring(nl + 1);
    int col = lineText.getBytes(StandardCharsets.UTF_8).length;
    long line = 1 + before.chars().filter(c -> c == '\n').count();
    return new ExecError(
        "template: :" + line + ":" + col + ": executing \"\" at <" + node + ">: " + message);
  }

  private void at(Node n) {
    node = n;
  }

  private void push(String name, Object value) {
    varNames.add(name);
    varValues.add(value);
  }

  private int mark() {
    return varNames.size();
  }

  private void pop(int mark) {
    while (varNames.size() > mark) {
      varNames.remove(varNames.size() - 1);
      varValues.remove(varValues.size() - 1);
    }
  }

  private void setVar(String name, Object value) {
    int i = varNames.lastIndexOf(name);
    if (i < 0) {
      throw errorf("undefined variable: " + name);
    }
    varValues.set(i, value);
  }

  private void setTopVar(int n, Object value) {
    varValues.set(varValues.size() - n, value);
  }

  private Object varValue(String name) {
    int i = varNames.lastIndexOf(name);
    if (i < 0) {
      throw errorf("undefined variable: " + name);
    }
    return varValues.get(i);
  }

  private void walk(Object dot, Node n) {
    at(n);
    if (n instanceof Node.Action a) {
      Object val = evalPipeline(dot, a.pipe());
      if (a.pipe().decl().isEmpty()) {
        at(a);
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
      throw errorf("unknown node: " + n);
    }
  }

  private void walkIfOrWith(Object dot, Branch b) {
    int mark = mark();
    try {
      Object val = evalPipeline(dot, b.pipe());
      if (GoTypes.isTrue(val)) {
        walk(b.kind() == Branch.Kind.WITH ? val : dot, b.list());
      } else if (b.elseList() != null) {
        walk(dot, b.elseList());
      }
    } finally {
      pop(mark);
    }
  }

  private void walkRange(Object dot, Branch r) {
    at(r);
    int outer = mark();
    try {
      Object val = GoTypes.unwrap(evalPipeline(dot, r.pipe()));
      int mark = mark();
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
        throw errorf("range can't iterate over " + GoFmt.v(val));
      }
      if (!iterated && r.elseList() != null) {
        walk(dot, r.elseList());
      }
    } catch (BreakSignal done) {
      // {{break}} ends the loop.
    } finally {
      pop(outer);
    }
  }

  private boolean rangeInt(Branch r, int mark, long n) {
    if (r.pipe().decl().size() > 1) {
      throw errorf("can't use " + n + " to iterate over more than one variable");
    }
    for (int i = 0; i < n; i++) {
      oneIteration(r, mark, i, i);
    }
    return n > 0;
  }

  private void oneIteration(Branch r, int mark, Object index, Object elem) {
    Pipe pipe = r.pipe();
    List<Node.Variable> decl = pipe.decl();
    if (!decl.isEmpty()) {
      if (pipe.isAssign()) {
        setVar(decl.get(0).idents().get(0), decl.size() > 1 ? index : elem);
      } else {
        setTopVar(1, elem);
      }
    }
    if (decl.size() > 1) {
      if (pipe.isAssign()) {
        setVar(decl.get(1).idents().get(0), elem);
      } else {
        setTopVar(2, index);
      }
    }
    try {
      walk(elem, r.list());
    } catch (ContinueSignal next) {
      // {{continue}} starts the next iteration.
    } finally {
      pop(mark);
    }
  }

  private void walkTemplate(Object dot, Node.Template t) {
    at(t);
    ListNode tmpl = templates.get(t.name());
    if (tmpl == null) {
      throw errorf("template " + GoQuote.quote(t.name()) + " not defined");
    }
    if (depth == MAX_DEPTH) {
      throw errorf("exceeded maximum template depth (" + MAX_DEPTH + ")");
    }
    Object newDot = t.pipe() == null ? null : evalPipeline(dot, t.pipe());
    List<String> savedNames = new ArrayList<>(varNames);
    List<Object> savedValues = new ArrayList<>(varValues);
    varNames.clear();
    varValues.clear();
    depth++;
    try {
      push("$", newDot);
      walk(newDot, tmpl);
    } finally {
      depth--;
      varNames.clear();
      varValues.clear();
      varNames.addAll(savedNames);
      varValues.addAll(savedValues);
    }
  }

  Object evalPipeline(Object dot, Pipe pipe) {
    if (pipe == null) {
      return null;
    }
    at(pipe);
    Object value = MISSING;
    for (Node.Command cmd : pipe.cmds()) {
      value = GoTypes.unwrap(evalCommand(dot, cmd, value));
    }
    for (Node.Variable v : pipe.decl()) {
      if (pipe.isAssign()) {
        setVar(v.idents().get(0), value);
      } else {
        push(v.idents().get(0), value);
      }
    }
    return value;
  }

  private void notAFunction(List<Node> args, Object fin) {
    if (args.size() > 1 || fin != MISSING) {
      throw errorf("can't give argument to non-function " + args.get(0));
    }
  }

  private Object evalCommand(Object dot, Node.Command cmd, Object fin) {
    Node first = cmd.args().get(0);
    if (first instanceof Node.Field f) {
      return evalFieldNode(dot, f, cmd.args(), fin);
    } else if (first instanceof Node.Chain c) {
      return evalChainNode(dot, c, cmd.args(), fin);
    } else if (first instanceof Node.Identifier id) {
      return evalFunction(dot, id, cmd, cmd.args(), fin);
    } else if (first instanceof Pipe p) {
      notAFunction(cmd.args(), fin);
      return evalPipeline(dot, p);
    } else if (first instanceof Node.Variable v) {
      return evalVariableNode(dot, v, cmd.args(), fin);
    }
    at(first);
    notAFunction(cmd.args(), fin);
    if (first instanceof Node.Bool b) {
      return b.value();
    } else if (first instanceof Node.Dot) {
      return dot;
    } else if (first instanceof Node.Nil) {
      throw errorf("nil is not a command");
    } else if (first instanceof Node.Number n) {
      return idealConstant(n);
    } else if (first instanceof Node.StringLit s) {
      return s.text();
    }
    throw errorf("can't evaluate command " + GoQuote.quote(first.toString()));
  }

  private Object idealConstant(Node.Number n) {
    at(n);
    String t = n.text();
    boolean hexInt = t.length() > 2 && t.charAt(0) == '0' && (t.charAt(1) | 0x20) == 'x';
    hexInt = hexInt && t.indexOf('p') < 0 && t.indexOf('P') < 0;
    boolean runeInt = t.startsWith("'");
    if (n.isFloat() && !hexInt && !runeInt && t.matches(".*[.eEpP].*")) {
      return n.value();
    }
    if (n.isInt()) {
      long v = n.intValue();
      return v == (int) v ? (Object) (int) v : (Object) v;
    }
    return null;
  }

  private Object evalFieldNode(Object dot, Node.Field field, List<Node> args, Object fin) {
    at(field);
    return evalFieldChain(dot, dot, field, field.idents(), args, fin);
  }

  private Object evalChainNode(Object dot, Node.Chain chain, List<Node> args, Object fin) {
    at(chain);
    if (chain.node() instanceof Node.Nil) {
      throw errorf("indirection through explicit nil in " + chain);
    }
    Object pipe = evalArg(dot, null, chain.node());
    return evalFieldChain(dot, pipe, chain, chain.fields(), args, fin);
  }

  private Object evalVariableNode(Object dot, Node.Variable v, List<Node> args, Object fin) {
    at(v);
    Object value = varValue(v.idents().get(0));
    if (v.idents().size() == 1) {
      notAFunction(args, fin);
      return value;
    }
    return evalFieldChain(dot, value, v, v.idents().subList(1, v.idents().size()), args, fin);
  }

  private Object evalFieldChain(
      Object dot, Object receiver, Node n, List<String> ident, List<Node> args, Object fin) {
    int last = ident.size() - 1;
    for (int i = 0; i < last; i++) {
      receiver = evalField(dot, ident.get(i), n, null, MISSING, receiver);
    }
    return evalField(dot, ident.get(last), n, args, fin, receiver);
  }

  private Object evalFunction(
      Object dot, Node.Identifier id, Node cmd, List<Node> args, Object fin) {
    at(id);
    Func f = funcs.get(id.name());
    if (f == null) {
      throw errorf(GoQuote.quote(id.name()) + " is not a defined function");
    }
    boolean isBuiltin = Builtins.FUNCS.get(id.name()) == f;
    return evalCall(dot, f, isBuiltin, cmd, id.name(), args, fin);
  }

  private Object evalField(
      Object dot, String name, Node n, List<Node> args, Object fin, Object receiver) {
    if (receiver == null) {
      if (missingKeyError) {
        throw errorf("nil data; no entry for key " + GoQuote.quote(name));
      }
      return null;
    }
    if (receiver == GoTypes.NIL_IFACE) {
      throw errorf("nil pointer evaluating interface {}." + name);
    }
    boolean hasArgs = (args != null && args.size() > 1) || fin != MISSING;
    if (receiver instanceof Map<?, ?> map) {
      boolean present = map.containsKey(name);
      Object value = map.get(name);
      if (value instanceof TemplateMethod m) {
        Func f =
            new Func(
                java.util.Collections.nCopies(m.arity(), Param.STRING),
                false,
                a -> m.body().apply(a.stream().map(String.class::cast).toList()));
        return evalCall(dot, f, false, n, name, args, fin);
      }
      boolean struct =
          receiver instanceof Row || (strictMaps && !(receiver instanceof GoValues.StringMap));
      if (struct && !present && !missingKeyError) {
        throw errorf("can't evaluate field " + name + " in type " + GoTypes.typeName(receiver));
      }
      if (hasArgs) {
        throw errorf(
            struct
                ? name + " has arguments but cannot be invoked as function"
                : name + " is not a method but has arguments");
      }
      if (!present) {
        if (missingKeyError) {
          throw errorf("map has no entry for key " + GoQuote.quote(name));
        }
        return null;
      }
      return GoTypes.element(value);
    }
    if (receiver == GoNil.MAP) {
      if (missingKeyError) {
        throw errorf("map has no entry for key " + GoQuote.quote(name));
      }
      return null;
    }
    throw errorf("can't evaluate field " + name + " in type " + GoTypes.typeName(receiver));
  }

  private Object evalCall(
      Object dot, Func fun, boolean isBuiltin, Node n, String name, List<Node> args, Object fin) {
    List<Node> argNodes = args == null ? List.of() : args.subList(1, args.size());
    List<Param> params = fun.params();
    int numIn = argNodes.size() + (fin != MISSING ? 1 : 0);
    int numFixed = argNodes.size();
    if (fun.variadic()) {
      numFixed = params.size() - 1;
      if (numIn < numFixed) {
        throw errorf(
            "wrong number of args for "
                + name
                + ": want at least "
                + numFixed
                + " got "
                + argNodes.size());
      }
    } else if (numIn != params.size()) {
      throw errorf(
          "wrong number of args for " + name + ": want " + params.size() + " got " + numIn);
    }
    if (isBuiltin && (name.equals("and") || name.equals("or"))) {
      Object v = null;
      for (Node arg : argNodes) {
        v = evalArg(dot, Param.VALUE, arg);
        if (GoTypes.isTrue(GoTypes.unwrap(v)) == name.equals("or")) {
          return v;
        }
      }
      return fin != MISSING ? fin : v;
    }
    List<Object> argv = new ArrayList<>();
    int i = 0;
    for (; i < numFixed && i < argNodes.size(); i++) {
      argv.add(evalArg(dot, params.get(i), argNodes.get(i)));
    }
    if (fun.variadic()) {
      Param elem = params.get(params.size() - 1);
      for (; i < argNodes.size(); i++) {
        argv.add(evalArg(dot, elem, argNodes.get(i)));
      }
    }
    if (fin != MISSING) {
      Param t = params.get(params.size() - 1);
      if (fun.variadic() && numIn - 1 < numFixed) {
        t = params.get(numIn - 1);
      }
      argv.add(validateType(fin, t));
    }
    try {
      return fun.body().apply(argv);
    } catch (Func.CallException e) {
      at(n);
      throw errorf("error calling " + name + ": " + e.getMessage());
    }
  }

  private Object evalArg(Object dot, Param typ, Node n) {
    at(n);
    if (n instanceof Node.Dot) {
      return validateType(dot, typ);
    } else if (n instanceof Node.Nil) {
      if (typ == null || typ == Param.ANY || typ == Param.VALUE) {
        return null;
      }
      if (typ == Param.STRING_SLICE) {
        return GoNil.SLICE;
      }
      throw errorf("cannot assign nil to " + typ);
    } else if (n instanceof Node.Field f) {
      return validateType(evalFieldNode(dot, f, List.of(n), MISSING), typ);
    } else if (n instanceof Node.Variable v) {
      return validateType(evalVariableNode(dot, v, null, MISSING), typ);
    } else if (n instanceof Pipe p) {
      return validateType(evalPipeline(dot, p), typ);
    } else if (n instanceof Node.Identifier id) {
      return validateType(evalFunction(dot, id, id, null, MISSING), typ);
    } else if (n instanceof Node.Chain c) {
      return validateType(evalChainNode(dot, c, null, MISSING), typ);
    }
    return literalArg(typ, n);
  }

  private Object literalArg(Param typ, Node n) {
    if (typ == null || typ == Param.ANY || typ == Param.VALUE) {
      if (n instanceof Node.Bool b) {
        return b.value();
      } else if (n instanceof Node.Number num) {
        return idealConstant(num);
      } else if (n instanceof Node.StringLit s) {
        return s.text();
      }
      throw errorf("can't handle assignment of " + n + " to empty interface argument");
    }
    switch (typ) {
      case BOOL:
        if (n instanceof Node.Bool b) {
          return b.value();
        }
        throw errorf("expected bool; found " + n);
      case INT:
        if (n instanceof Node.Number num && num.isInt() && num.intValue() == (int) num.intValue()) {
          return (int) num.intValue();
        }
        throw errorf("expected integer; found " + n);
      case STRING:
        if (n instanceof Node.StringLit s) {
          return s.text();
        }
        throw errorf("expected string; found " + n);
      default:
        throw errorf("can't handle " + n + " for arg of type " + typ);
    }
  }

  private Object validateType(Object value, Param typ) {
    if (typ == null || typ == Param.VALUE) {
      return value;
    }
    if (value == null) {
      return switch (typ) {
        case ANY -> null;
        case STRING_SLICE -> GoNil.SLICE;
        default -> throw errorf("invalid value; expected " + typ);
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
      throw errorf("wrong type for value; expected " + typ + "; got " + GoTypes.typeName(value));
    }
    return value;
  }
}
