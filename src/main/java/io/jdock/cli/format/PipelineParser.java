package io.jdock.cli.format;

import io.jdock.cli.format.Node.Command;
import io.jdock.cli.format.Node.Pipe;
import io.jdock.cli.format.Node.Variable;
import io.jdock.cli.format.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The parse of a pipeline, as Go's {@code parse.go} does it: declarations ({@code $x :=}, {@code
 * $i, $e :=}), commands separated by {@code |}, and their operands (fields, chains, variables in
 * scope, defined functions, constants, parenthesised pipelines).
 */
final class PipelineParser {
  private final Lookahead in;
  private final Set<String> functions;
  private final List<String> vars;

  /** {@code vars} are the variables in scope, shared with the parser of control structures. */
  PipelineParser(Lookahead in, Set<String> functions, List<String> vars) {
    this.in = in;
    this.functions = functions;
    this.vars = vars;
  }

  /** Parses a pipeline up to {@code end} (a right delimiter or paren), which is consumed. */
  Pipe pipeline(String context, Type end) {
    Token first = in.peekNonSpace();
    List<Variable> decl = new ArrayList<>();
    List<Command> cmds = new ArrayList<>();
    boolean isAssign = declarations(context, decl);
    while (true) {
      Token t = in.nextNonSpace();
      if (t.type() == end) {
        checkPipeline(cmds, context);
        return new Pipe(first.pos(), first.line(), isAssign, decl, cmds);
      }
      switch (t.type()) {
        case BOOL,
            CHAR_CONSTANT,
            DOT,
            FIELD,
            IDENTIFIER,
            NUMBER,
            NIL,
            RAW_STRING,
            STRING,
            VARIABLE,
            LEFT_PAREN -> {
          in.backup();
          cmds.add(command());
        }
        default -> throw in.unexpected(t, context);
      }
    }
  }

  /** Parses {@code $x :=}, {@code $x =} or {@code $i, $e :=}; returns whether it assigns. */
  private boolean declarations(String context, List<Variable> decl) {
    while (true) {
      Token v = in.peekNonSpace();
      if (v.type() != Type.VARIABLE) {
        return false;
      }
      in.next();
      Token tokenAfterVariable = in.peek();
      Token after = in.peekNonSpace();
      boolean declares = after.type() == Type.ASSIGN || after.type() == Type.DECLARE;
      boolean comma = after.type() == Type.CHAR && after.val().equals(",");
      if (!declares && !comma) {
        // "$x foo": $x is an operand; give back the space after it too.
        if (tokenAfterVariable.type() == Type.SPACE) {
          in.backup3(v, tokenAfterVariable);
        } else {
          in.backup2(v);
        }
        return false;
      }
      in.nextNonSpace();
      decl.add(new Variable(v.pos(), List.of(v.val())));
      vars.add(v.val());
      if (declares) {
        return after.type() == Type.ASSIGN;
      }
      if (!context.equals("range") || decl.size() >= 2) {
        throw in.errorf("too many declarations in " + context);
      }
      Type t = in.peekNonSpace().type();
      if (t != Type.VARIABLE && t != Type.RIGHT_DELIM && t != Type.RIGHT_PAREN) {
        throw in.errorf("range can only initialize variables");
      }
    }
  }

  private void checkPipeline(List<Command> cmds, String context) {
    if (cmds.isEmpty()) {
      throw in.errorf("missing value for " + context);
    }
    for (int i = 1; i < cmds.size(); i++) {
      if (isConstant(cmds.get(i).args().get(0))) {
        throw in.errorf("non executable command in pipeline stage " + (i + 1));
      }
    }
  }

  /** Go's nodes that cannot be executed with arguments nor followed by {@code .Field}. */
  private static boolean isConstant(Node n) {
    return n instanceof Node.Bool
        || n instanceof Node.Dot
        || n instanceof Node.Nil
        || n instanceof Node.Number
        || n instanceof Node.StringLit;
  }

  private Command command() {
    Command cmd = new Command(in.peekNonSpace().pos(), new ArrayList<>());
    while (true) {
      in.peekNonSpace();
      Node operand = operand();
      if (operand != null) {
        cmd.args().add(operand);
      }
      Token t = in.next();
      if (t.type() == Type.SPACE) {
        continue;
      }
      if (t.type() == Type.RIGHT_DELIM || t.type() == Type.RIGHT_PAREN) {
        in.backup();
      } else if (t.type() != Type.PIPE) {
        throw in.unexpected(t, "operand");
      }
      break;
    }
    if (cmd.args().isEmpty()) {
      throw in.errorf("empty command");
    }
    return cmd;
  }

  /** A term followed by {@code .Field}s: more fields of a field or variable, else a chain. */
  private Node operand() {
    Node node = term();
    if (node == null || in.peek().type() != Type.FIELD) {
      return node;
    }
    int chainPos = in.peek().pos();
    List<String> fields = new ArrayList<>();
    while (in.peek().type() == Type.FIELD) {
      fields.add(in.next().val().substring(1));
    }
    if (node instanceof Node.Field f) {
      return new Node.Field(chainPos, concat(f.idents(), fields));
    }
    if (node instanceof Variable v) {
      return new Variable(chainPos, concat(v.idents(), fields));
    }
    if (isConstant(node)) {
      throw in.errorf("unexpected . after term " + GoQuote.quote(node.toString()));
    }
    return new Node.Chain(chainPos, node, fields);
  }

  private static List<String> concat(List<String> head, List<String> tail) {
    List<String> all = new ArrayList<>(head);
    all.addAll(tail);
    return all;
  }

  private Node term() {
    Token t = in.nextNonSpace();
    switch (t.type()) {
      case IDENTIFIER:
        if (!functions.contains(t.val())) {
          throw in.errorf("function " + GoQuote.quote(t.val()) + " not defined");
        }
        return new Node.Identifier(t.pos(), t.val());
      case DOT:
        return new Node.Dot(t.pos());
      case NIL:
        return new Node.Nil(t.pos());
      case VARIABLE:
        if (!vars.contains(t.val())) {
          throw in.errorf("undefined variable " + GoQuote.quote(t.val()));
        }
        return new Variable(t.pos(), List.of(t.val()));
      case FIELD:
        return new Node.Field(t.pos(), List.of(t.val().substring(1)));
      case BOOL:
        return new Node.Bool(t.pos(), t.val().equals("true"));
      case CHAR_CONSTANT:
      case NUMBER:
        return Numbers.parse(t, in::errorf);
      case LEFT_PAREN:
        return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
      case STRING:
      case RAW_STRING:
        return new Node.StringLit(t.pos(), t.val(), in.unquote(t.val()));
      default:
        in.backup();
        return null;
    }
  }
}
