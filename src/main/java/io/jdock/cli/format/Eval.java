package io.jdock.cli.format;

import io.jdock.cli.format.Func.Param;
import io.jdock.cli.format.Node.Command;
import io.jdock.cli.format.Node.Pipe;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluation of pipelines against the data model, as Go's {@code exec.go} does it: commands,
 * fields of maps and rows, variables, chains, and calls of functions and methods with their
 * arguments. Errors are located by the shared {@link ExecPosition}.
 */
final class Eval {
  /** Go's {@code missingVal}: a command that receives no value from a previous command. */
  private static final Object MISSING = new Object();

  private final ExecPosition position;
  private final Variables vars;
  private final ArgTypes argTypes;
  private final Map<String, Func> funcs;
  private final boolean missingKeyError;
  private final boolean strictMaps;

  /**
   * {@code missingKeyError}: Go's {@code missingkey=error}; {@code strictMaps}: a missing key of a
   * plain map is an error, as a missing field of a Go struct.
   */
  Eval(
      ExecPosition position,
      Variables vars,
      Map<String, Func> funcs,
      boolean missingKeyError,
      boolean strictMaps) {
    this.position = position;
    this.vars = vars;
    this.argTypes = new ArgTypes(position);
    this.funcs = funcs;
    this.missingKeyError = missingKeyError;
    this.strictMaps = strictMaps;
  }

  /** Evaluates the commands, each given the previous one's value; then sets declared variables. */
  Object pipeline(Object dot, Pipe pipe) {
    if (pipe == null) {
      return null;
    }
    position.at(pipe);
    Object value = MISSING;
    for (Command cmd : pipe.cmds()) {
      value = GoTypes.unwrap(command(dot, cmd, value));
    }
    for (Node.Variable v : pipe.decl()) {
      if (pipe.isAssign()) {
        vars.set(v.idents().get(0), value);
      } else {
        vars.push(v.idents().get(0), value);
      }
    }
    return value;
  }

  private void notAFunction(List<Node> args, Object fin) {
    // A variable given as an argument comes without a command's argument list (Go: a nil slice).
    if ((args != null && args.size() > 1) || fin != MISSING) {
      throw position.errorf("can't give argument to non-function " + args.get(0));
    }
  }

  private Object command(Object dot, Command cmd, Object fin) {
    Node first = cmd.args().get(0);
    if (first instanceof Node.Field f) {
      return fieldNode(dot, f, cmd.args(), fin);
    } else if (first instanceof Node.Chain c) {
      return chainNode(dot, c, cmd.args(), fin);
    } else if (first instanceof Node.Identifier id) {
      return function(dot, id, cmd, cmd.args(), fin);
    } else if (first instanceof Pipe p) {
      notAFunction(cmd.args(), fin);
      return pipeline(dot, p);
    } else if (first instanceof Node.Variable v) {
      return variableNode(dot, v, cmd.args(), fin);
    }
    position.at(first);
    notAFunction(cmd.args(), fin);
    if (first instanceof Node.Bool b) {
      return b.value();
    } else if (first instanceof Node.Dot) {
      return dot;
    } else if (first instanceof Node.Nil) {
      throw position.errorf("nil is not a command");
    } else if (first instanceof Node.Number n) {
      return Numbers.constant(n);
    } else if (first instanceof Node.StringLit s) {
      return s.text();
    }
    throw position.errorf("can't evaluate command " + GoQuote.quote(first.toString()));
  }

  private Object fieldNode(Object dot, Node.Field field, List<Node> args, Object fin) {
    position.at(field);
    return fieldChain(dot, dot, field, field.idents(), args, fin);
  }

  private Object chainNode(Object dot, Node.Chain chain, List<Node> args, Object fin) {
    position.at(chain);
    if (chain.node() instanceof Node.Nil) {
      throw position.errorf("indirection through explicit nil in " + chain);
    }
    Object pipe = arg(dot, null, chain.node());
    return fieldChain(dot, pipe, chain, chain.fields(), args, fin);
  }

  private Object variableNode(Object dot, Node.Variable v, List<Node> args, Object fin) {
    position.at(v);
    Object value = vars.value(v.idents().get(0));
    if (v.idents().size() == 1) {
      notAFunction(args, fin);
      return value;
    }
    return fieldChain(dot, value, v, v.idents().subList(1, v.idents().size()), args, fin);
  }

  /** {@code x.A.B.C}: the last field gets the arguments, in case it is a method. */
  private Object fieldChain(
      Object dot, Object receiver, Node n, List<String> ident, List<Node> args, Object fin) {
    int last = ident.size() - 1;
    for (int i = 0; i < last; i++) {
      receiver = field(dot, ident.get(i), n, null, MISSING, receiver);
    }
    return field(dot, ident.get(last), n, args, fin, receiver);
  }

  private Object function(Object dot, Node.Identifier id, Node cmd, List<Node> args, Object fin) {
    position.at(id);
    Func f = funcs.get(id.name());
    if (f == null) {
      throw position.errorf(GoQuote.quote(id.name()) + " is not a defined function");
    }
    boolean isBuiltin = Builtins.FUNCS.get(id.name()) == f;
    return call(dot, f, isBuiltin, cmd, id.name(), args, fin);
  }

  private Object field(
      Object dot, String name, Node n, List<Node> args, Object fin, Object receiver) {
    if (receiver == null) {
      if (missingKeyError) {
        throw position.errorf("nil data; no entry for key " + GoQuote.quote(name));
      }
      return null;
    }
    if (receiver == GoTypes.NIL_IFACE) {
      throw position.errorf("nil pointer evaluating interface {}." + name);
    }
    if (receiver instanceof Map<?, ?> map) {
      if (map.get(name) instanceof TemplateMethod m) {
        return call(dot, Func.of(m), false, n, name, args, fin);
      }
      boolean hasArgs = (args != null && args.size() > 1) || fin != MISSING;
      return mapEntry(map, name, hasArgs);
    }
    if (receiver == GoNil.MAP) {
      if (missingKeyError) {
        throw position.errorf("map has no entry for key " + GoQuote.quote(name));
      }
      return null;
    }
    throw position.errorf(
        "can't evaluate field " + name + " in type " + GoTypes.typeName(receiver));
  }

  /** A field of a row (a Go struct) or, with the same syntax, an entry of a map. */
  private Object mapEntry(Map<?, ?> map, String name, boolean hasArgs) {
    boolean present = map.containsKey(name);
    boolean struct = map instanceof Row || (strictMaps && !(map instanceof GoValues.StringMap));
    if (struct && !present && !missingKeyError) {
      throw position.errorf("can't evaluate field " + name + " in type " + GoTypes.typeName(map));
    }
    if (hasArgs) {
      throw position.errorf(
          struct
              ? name + " has arguments but cannot be invoked as function"
              : name + " is not a method but has arguments");
    }
    if (!present) {
      if (missingKeyError) {
        throw position.errorf("map has no entry for key " + GoQuote.quote(name));
      }
      return null;
    }
    return GoTypes.element(map.get(name));
  }

  /**
   * Calls {@code fun} with the argument nodes after the first (its name) and the previous command's
   * value {@code fin}, if any, as the last argument. The builtins {@code and} and {@code or}
   * evaluate their arguments only as far as needed.
   */
  private Object call(
      Object dot, Func fun, boolean isBuiltin, Node n, String name, List<Node> args, Object fin) {
    List<Node> argNodes = args == null ? List.of() : args.subList(1, args.size());
    Optional<String> arityError = fun.arityError(name, argNodes.size(), fin != MISSING);
    if (arityError.isPresent()) {
      throw position.errorf(arityError.get());
    }
    if (isBuiltin && (name.equals("and") || name.equals("or"))) {
      return andOr(dot, name.equals("or"), argNodes, fin);
    }
    List<Object> argv = argValues(dot, fun, argNodes, fin);
    try {
      return fun.body().apply(argv);
    } catch (Func.CallException e) {
      position.at(n);
      throw position.errorf("error calling " + name + ": " + e.getMessage());
    }
  }

  /** The first false ({@code and}) or true ({@code or}) argument, else the last. */
  private Object andOr(Object dot, boolean or, List<Node> argNodes, Object fin) {
    Object v = null;
    for (Node arg : argNodes) {
      v = arg(dot, Param.VALUE, arg);
      if (GoTypes.isTrue(GoTypes.unwrap(v)) == or) {
        return v;
      }
    }
    return fin != MISSING ? fin : v;
  }

  /** The arguments, each evaluated for its parameter type (the variadic one repeats). */
  private List<Object> argValues(Object dot, Func fun, List<Node> argNodes, Object fin) {
    List<Param> params = fun.params();
    int numFixed = fun.variadic() ? params.size() - 1 : argNodes.size();
    List<Object> argv = new ArrayList<>();
    int i = 0;
    for (; i < numFixed && i < argNodes.size(); i++) {
      argv.add(arg(dot, params.get(i), argNodes.get(i)));
    }
    if (fun.variadic()) {
      Param elem = params.get(params.size() - 1);
      for (; i < argNodes.size(); i++) {
        argv.add(arg(dot, elem, argNodes.get(i)));
      }
    }
    if (fin != MISSING) {
      // The final value fills a fixed parameter when the arguments have not reached the variadic.
      int numIn = argNodes.size() + 1;
      boolean fixed = fun.variadic() && numIn - 1 < numFixed;
      argv.add(argTypes.validate(fin, params.get(fixed ? numIn - 1 : params.size() - 1)));
    }
    return argv;
  }

  private Object arg(Object dot, Param typ, Node n) {
    position.at(n);
    if (n instanceof Node.Dot) {
      return argTypes.validate(dot, typ);
    } else if (n instanceof Node.Nil) {
      return argTypes.nil(typ);
    } else if (n instanceof Node.Field f) {
      return argTypes.validate(fieldNode(dot, f, List.of(n), MISSING), typ);
    } else if (n instanceof Node.Variable v) {
      return argTypes.validate(variableNode(dot, v, null, MISSING), typ);
    } else if (n instanceof Pipe p) {
      return argTypes.validate(pipeline(dot, p), typ);
    } else if (n instanceof Node.Identifier id) {
      return argTypes.validate(function(dot, id, id, null, MISSING), typ);
    } else if (n instanceof Node.Chain c) {
      return argTypes.validate(chainNode(dot, c, null, MISSING), typ);
    }
    return argTypes.constant(typ, n);
  }
}
