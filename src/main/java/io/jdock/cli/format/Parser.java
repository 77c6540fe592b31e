package io.jdock.cli.format;

import io.jdock.cli.format.Node.Branch;
import io.jdock.cli.format.Node.ListNode;
import io.jdock.cli.format.Node.Pipe;
import io.jdock.cli.format.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The recursive-descent parser of Go's text/template/parse ({@code parse.go}) for the structure of
 * a template: text and actions, {@code if / with / range} with their {@code else} branches, {@code
 * break / continue}, {@code define / template / block}. Pipelines are parsed by {@link
 * PipelineParser}; parse errors carry the same text and line as Go's: {@code template: :LINE:
 * MESSAGE}.
 */
final class Parser {
  private final Lookahead in;
  private final PipelineParser pipes;
  private final Map<String, ListNode> templates;
  private final List<String> vars = new ArrayList<>(List.of("$"));
  private int rangeDepth;

  private Parser(String text, Set<String> functions, Map<String, ListNode> templates) {
    this.in = new Lookahead(new Lexer(text));
    this.pipes = new PipelineParser(in, functions, vars);
    this.templates = templates;
  }

  /** Parses the text; {@code {{define}}}d templates are added to {@code templates}. */
  static ListNode parse(String text, Set<String> functions, Map<String, ListNode> templates)
      throws TemplateException {
    Parser p = new Parser(text, functions, templates);
    try {
      return p.parseTop();
    } catch (Lookahead.ParseError e) {
      throw new TemplateException(e.getMessage());
    }
  }

  private ListNode parseTop() {
    ListNode root = new ListNode(in.peek().pos(), new ArrayList<>());
    while (in.peek().type() != Type.EOF) {
      if (in.peek().type() == Type.LEFT_DELIM) {
        Token delim = in.next();
        if (in.nextNonSpace().type() == Type.DEFINE) {
          parseDefinition();
          continue;
        }
        in.backup2(delim);
      }
      Node n = textOrAction();
      if (n instanceof Node.End || n instanceof Node.Else) {
        throw in.errorf("unexpected " + n);
      }
      root.nodes().add(n);
    }
    if (!templates.containsKey("")) {
      templates.put("", root);
    }
    return root;
  }

  private void parseDefinition() {
    String context = "define clause";
    String name = templateName(in.nextNonSpace(), context);
    in.expect(Type.RIGHT_DELIM, context);
    defineBody(name, context);
  }

  /** Parses the body of a {@code define} or {@code block} (its own variables) and adds it. */
  private void defineBody(String name, String context) {
    List<String> saved = new ArrayList<>(vars);
    vars.clear();
    vars.add("$");
    ItemList body = itemList();
    vars.clear();
    vars.addAll(saved);
    if (!(body.end() instanceof Node.End)) {
      throw in.errorf("unexpected " + body.end() + " in " + context);
    }
    addTemplate(name, body.list());
  }

  private void addTemplate(String name, ListNode body) {
    ListNode old = templates.get(name);
    if (old != null && !isEmptyTree(old) && !isEmptyTree(body)) {
      throw in.errorf("template: multiple definition of template " + GoQuote.quote(name));
    }
    if (old == null || isEmptyTree(old)) {
      templates.put(name, body);
    }
  }

  private static boolean isEmptyTree(Node n) {
    if (n instanceof ListNode l) {
      return l.nodes().stream().allMatch(Parser::isEmptyTree);
    }
    return n instanceof Node.Text t && t.text().isBlank();
  }

  /** A list of nodes and the {@code {{end}}} or {@code {{else}}} that ended it. */
  private record ItemList(ListNode list, Node end) {}

  private ItemList itemList() {
    ListNode list = new ListNode(in.peekNonSpace().pos(), new ArrayList<>());
    while (in.peekNonSpace().type() != Type.EOF) {
      Node n = textOrAction();
      if (n instanceof Node.End || n instanceof Node.Else) {
        return new ItemList(list, n);
      }
      list.nodes().add(n);
    }
    throw in.errorf("unexpected EOF");
  }

  private Node textOrAction() {
    Token t = in.nextNonSpace();
    switch (t.type()) {
      case TEXT:
        return new Node.Text(t.pos(), t.val());
      case LEFT_DELIM:
        in.setActionLine(t.line());
        try {
          return action();
        } finally {
          in.setActionLine(0);
        }
      default:
        throw in.unexpected(t, "input");
    }
  }

  private Node action() {
    Token t = in.nextNonSpace();
    switch (t.type()) {
      case BLOCK:
        return blockControl();
      case BREAK:
        return loopControl("{{break}}", new Node.Break(t.pos(), t.line()));
      case CONTINUE:
        return loopControl("{{continue}}", new Node.Continue(t.pos(), t.line()));
      case ELSE:
        return elseControl();
      case END:
        return new Node.End(in.expect(Type.RIGHT_DELIM, "end").pos());
      case IF:
        return control(Branch.Kind.IF);
      case RANGE:
        return control(Branch.Kind.RANGE);
      case TEMPLATE:
        return templateControl();
      case WITH:
        return control(Branch.Kind.WITH);
      default:
        in.backup();
        Token first = in.peek();
        Pipe pipe = pipes.pipeline("command", Type.RIGHT_DELIM);
        return new Node.Action(first.pos(), first.line(), pipe);
    }
  }

  private Node loopControl(String context, Node node) {
    Token t = in.nextNonSpace();
    if (t.type() != Type.RIGHT_DELIM) {
      throw in.unexpected(t, context);
    }
    if (rangeDepth == 0) {
      throw in.errorf(context + " outside {{range}}");
    }
    return node;
  }

  private Node elseControl() {
    Token p = in.peekNonSpace();
    if (p.type() == Type.IF || p.type() == Type.WITH) {
      return new Node.Else(p.pos(), p.line());
    }
    Token t = in.expect(Type.RIGHT_DELIM, "else");
    return new Node.Else(t.pos(), t.line());
  }

  /** {@code if}, {@code with} or {@code range}: the variables it declares end at its end. */
  private Node control(Branch.Kind kind) {
    int mark = vars.size();
    try {
      Pipe pipe = pipes.pipeline(kind.name().toLowerCase(Locale.ROOT), Type.RIGHT_DELIM);
      if (kind == Branch.Kind.RANGE) {
        rangeDepth++;
      }
      ItemList body = itemList();
      if (kind == Branch.Kind.RANGE) {
        rangeDepth--;
      }
      ListNode elseList = body.end() instanceof Node.Else e ? elseList(kind, e) : null;
      return new Branch(pipe.pos(), pipe.line(), kind, pipe, body.list(), elseList);
    } finally {
      while (vars.size() > mark) {
        vars.remove(vars.size() - 1);
      }
    }
  }

  /** The branch after {@code {{else}}} up to {@code {{end}}}. */
  private ListNode elseList(Branch.Kind kind, Node.Else e) {
    // "{{else if x}}" is "{{else}}{{if x}}...{{end}}" whose {{end}} is shared; so is "else with".
    Type chained = kind == Branch.Kind.IF ? Type.IF : kind == Branch.Kind.WITH ? Type.WITH : null;
    if (chained != null && in.peek().type() == chained) {
      in.next();
      return new ListNode(e.pos(), new ArrayList<>(List.of(control(kind))));
    }
    ItemList rest = itemList();
    if (!(rest.end() instanceof Node.End)) {
      throw in.errorf("expected end; found " + rest.end());
    }
    return rest.list();
  }

  private Node blockControl() {
    String context = "block clause";
    Token t = in.nextNonSpace();
    String name = templateName(t, context);
    Pipe pipe = pipes.pipeline(context, Type.RIGHT_DELIM);
    defineBody(name, context);
    return new Node.Template(t.pos(), t.line(), name, pipe);
  }

  private Node templateControl() {
    String context = "template clause";
    Token t = in.nextNonSpace();
    String name = templateName(t, context);
    Pipe pipe = null;
    if (in.nextNonSpace().type() != Type.RIGHT_DELIM) {
      in.backup();
      pipe = pipes.pipeline(context, Type.RIGHT_DELIM);
    }
    return new Node.Template(t.pos(), t.line(), name, pipe);
  }

  private String templateName(Token t, String context) {
    if (t.type() != Type.STRING && t.type() != Type.RAW_STRING) {
      throw in.unexpected(t, context);
    }
    return in.unquote(t.val());
  }
}
