package io.jdock.cli.format;

import io.jdock.cli.format.Node.Branch;
import io.jdock.cli.format.Node.Command;
import io.jdock.cli.format.Node.ListNode;
import io.jdock.cli.format.Node.Pipe;
import io.jdock.cli.format.Node.Variable;
import io.jdock.cli.format.Token.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The recursive-descent parser of Go's text/template/parse ({@code parse.go}), with its three-token
 * look-ahead, so that parse errors carry the same text and line as Go's: {@code template: :LINE:
 * MESSAGE}.
 */
final class Parser {
  private final Lexer lex;
  private final Set<String> functions;
  private final Map<String, ListNode> templates;
  private final Token[] token = new Token[3];
  private int peekCount;
  private final List<String> vars = new ArrayList<>(List.of("$"));
  private int actionLine;
  private int rangeDepth;

  private Parser(String text, Set<String> functions, Map<String, ListNode> templates) {
    this.lex = new Lexer(text);
    this.functions = functions;
    this.templates = templates;
  }

  /** Parses the text; {@code {{define}}}d templates are added to {@code templates}. */
  static ListNode parse(String text, Set<String> functions, Map<String, ListNode> templates)
      throws TemplateException {
    Parser p = new Parser(text, functions, templates);
    try {
      return p.parseTop();
    } catch (ParseError e) {
      throw new TemplateException(e.getMessage());
    }
  }

  /** Unwinds the parser like Go's panic/recover. */
  private static final class ParseError extends RuntimeException {
    ParseError(String message) {
      super(message, null, false, false);
    }
  }

  private ParseError errorf(String message) {
    int line = token[0] == null ? 1 : token[0].line();
    return new ParseError("template: :" + line + ": " + message);
  }

  private ParseError unexpected(Token tok, String context) {
    if (tok.type() == Type.ERROR) {
      String extra = "";
      if (actionLine != 0 && actionLine != tok.line()) {
        extra = " in action started at :" + actionLine;
        if (tok.val().endsWith(" action")) {
          extra = extra.substring(" in action".length());
        }
      }
      return errorf(tok + extra);
    }
    return errorf("unexpected " + tok + " in " + context);
  }

  private Token next() {
    if (peekCount > 0) {
      peekCount--;
    } else {
      token[0] = lex.nextItem();
    }
    return token[peekCount];
  }

  private void backup() {
    peekCount++;
  }

  private void backup2(Token t1) {
    token[1] = t1;
    peekCount = 2;
  }

  private void backup3(Token t2, Token t1) {
    token[1] = t1;
    token[2] = t2;
    peekCount = 3;
  }

  private Token peek() {
    if (peekCount > 0) {
      return token[peekCount - 1];
    }
    peekCount = 1;
    token[0] = lex.nextItem();
    return token[0];
  }

  private Token nextNonSpace() {
    Token t;
    do {
      t = next();
    } while (t.type() == Type.SPACE);
    return t;
  }

  private Token peekNonSpace() {
    Token t = nextNonSpace();
    backup();
    return t;
  }

  private Token expect(Type expected, String context) {
    Token t = nextNonSpace();
    if (t.type() != expected) {
      throw unexpected(t, context);
    }
    return t;
  }

  private ListNode parseTop() {
    ListNode root = new ListNode(peek().pos(), new ArrayList<>());
    while (peek().type() != Type.EOF) {
      if (peek().type() == Type.LEFT_DELIM) {
        Token delim = next();
        if (nextNonSpace().type() == Type.DEFINE) {
          parseDefinition();
          continue;
        }
        backup2(delim);
      }
      Node n = textOrAction();
      if (n instanceof Node.End || n instanceof Node.Else) {
        throw errorf("unexpected " + n);
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
    Token name = nextNonSpace();
    if (name.type() != Type.STRING && name.type() != Type.RAW_STRING) {
      throw unexpected(name, context);
    }
    String unquoted = unquote(name.val());
    expect(Type.RIGHT_DELIM, context);
    List<String> saved = new ArrayList<>(vars);
    vars.clear();
    vars.add("$");
    ItemList body = itemList();
    vars.clear();
    vars.addAll(saved);
    if (!(body.end() instanceof Node.End)) {
      throw errorf("unexpected " + body.end() + " in " + context);
    }
    addTemplate(unquoted, body.list());
  }

  private void addTemplate(String name, ListNode body) {
    ListNode old = templates.get(name);
    if (old != null && !isEmptyTree(old) && !isEmptyTree(body)) {
      throw errorf("template: multiple definition of template " + GoQuote.quote(name));
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

  private record ItemList(ListNode list, Node end) {}

  private ItemList itemList() {
    ListNode list = new ListNode(peekNonSpace().pos(), new ArrayList<>());
    while (peekNonSpace().type() != Type.EOF) {
      Node n = textOrAction();
      if (n instanceof Node.End || n instanceof Node.Else) {
        return new ItemList(list, n);
      }
      list.nodes().add(n);
    }
    throw errorf("unexpected EOF");
  }

  private Node textOrAction() {
    Token t = nextNonSpace();
    switch (t.type()) {
      case TEXT:
        return new Node.Text(t.pos(), t.val());
      case LEFT_DELIM:
        actionLine = t.line();
        try {
          return action();
        } finally {
          actionLine = 0;
        }
      default:
        throw unexpected(t, "input");
    }
  }

  private Node action() {
    Token t = nextNonSpace();
    switch (t.type()) {
      case BLOCK:
        return blockControl();
      case BREAK:
        return loopControl(t, "{{break}}", new Node.Break(t.pos(), t.line()));
      case CONTINUE:
        return loopControl(t, "{{continue}}", new Node.Continue(t.pos(), t.line()));
      case ELSE:
        return elseControl();
      case END:
        return new Node.End(expect(Type.RIGHT_DELIM, "end").pos());
      case IF:
        return control(Branch.Kind.IF);
      case RANGE:
        return control(Branch.Kind.RANGE);
      case TEMPLATE:
        return templateControl();
      case WITH:
        return control(Branch.Kind.WITH);
      default:
        backup();
        Token first = peek();
        return new Node.Action(first.pos(), first.line(), pipeline("command", Type.RIGHT_DELIM));
    }
  }

  private Node loopControl(Token keyword, String context, Node node) {
    Token t = nextNonSpace();
    if (t.type() != Type.RIGHT_DELIM) {
      throw unexpected(t, context);
    }
    if (rangeDepth == 0) {
      throw errorf(context + " outside {{range}}");
    }
    return node;
  }

  private Node elseControl() {
    Token p = peekNonSpace();
    if (p.type() == Type.IF || p.type() == Type.WITH) {
      return new Node.Else(p.pos(), p.line());
    }
    Token t = expect(Type.RIGHT_DELIM, "else");
    return new Node.Else(t.pos(), t.line());
  }

  private Node control(Branch.Kind kind) {
    String context = kind.name().toLowerCase(java.util.Locale.ROOT);
    int mark = vars.size();
    try {
      Pipe pipe = pipeline(context, Type.RIGHT_DELIM);
      if (kind == Branch.Kind.RANGE) {
        rangeDepth++;
      }
      ItemList body = itemList();
      if (kind == Branch.Kind.RANGE) {
        rangeDepth--;
      }
      ListNode elseList = null;
      if (body.end() instanceof Node.Else e) {
        // "{{else if x}}" is "{{else}}{{if x}}...{{end}}" whose {{end}} is shared.
        if (kind == Branch.Kind.IF && peek().type() == Type.IF) {
          next();
          elseList = new ListNode(e.pos(), new ArrayList<>(List.of(control(Branch.Kind.IF))));
        } else if (kind == Branch.Kind.WITH && peek().type() == Type.WITH) {
          next();
          elseList = new ListNode(e.pos(), new ArrayList<>(List.of(control(Branch.Kind.WITH))));
        } else {
          ItemList rest = itemList();
          if (!(rest.end() instanceof Node.End)) {
            throw errorf("expected end; found " + rest.end());
          }
          elseList = rest.list();
        }
      }
      return new Branch(pipe.pos(), pipe.line(), kind, pipe, body.list(), elseList);
    } finally {
      while (vars.size() > mark) {
        vars.remove(vars.size() - 1);
      }
    }
  }

  private Node blockControl() {
    String context = "block clause";
    Token t = nextNonSpace();
    String name = templateName(t, context);
    Pipe pipe = pipeline(context, Type.RIGHT_DELIM);
    List<String> saved = new ArrayList<>(vars);
    vars.clear();
    vars.add("$");
    ItemList body = itemList();
    vars.clear();
    vars.addAll(saved);
    if (!(body.end() instanceof Node.End)) {
      throw errorf("unexpected " + body.end() + " in " + context);
    }
    addTemplate(name, body.list());
    return new Node.Template(t.pos(), t.line(), name, pipe);
  }

  private Node templateControl() {
    String context = "template clause";
    Token t = nextNonSpace();
    String name = templateName(t, context);
    Pipe pipe = null;
    if (nextNonSpace().type() != Type.RIGHT_DELIM) {
      backup();
      pipe = pipeline(context, Type.RIGHT_DELIM);
    }
    return new Node.Template(t.pos(), t.line(), name, pipe);
  }

  private String templateName(Token t, String context) {
    if (t.type() != Type.STRING && t.type() != Type.RAW_STRING) {
      throw unexpected(t, context);
    }
    return unquote(t.val());
  }

  private String unquote(String quoted) {
    try {
      return GoQuote.unquote(quoted);
    } catch (IllegalArgumentException e) {
      throw errorf(e.getMessage());
    }
  }

  private Pipe pipeline(String context, Type end) {
    Token first = peekNonSpace();
    List<Variable> decl = new ArrayList<>();
    List<Command> cmds = new ArrayList<>();
    boolean isAssign = declarations(context, decl);
    while (true) {
      Token t = nextNonSpace();
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
          backup();
          cmds.add(command());
        }
        default -> throw unexpected(t, context);
      }
    }
  }

  /** Parses {@code $x :=}, {@code $x =} or {@code $i, $e :=}; returns whether it assigns. */
  private boolean declarations(String context, List<Variable> decl) {
    boolean isAssign = false;
    while (true) {
      Token v = peekNonSpace();
      if (v.type() != Type.VARIABLE) {
        return isAssign;
      }
      next();
      Token tokenAfterVariable = peek();
      Token after = peekNonSpace();
      if (after.type() == Type.ASSIGN || after.type() == Type.DECLARE) {
        isAssign = after.type() == Type.ASSIGN;
        nextNonSpace();
        decl.add(new Variable(v.pos(), List.of(v.val())));
        vars.add(v.val());
        return isAssign;
      } else if (after.type() == Type.CHAR && after.val().equals(",")) {
        nextNonSpace();
        decl.add(new Variable(v.pos(), List.of(v.val())));
        vars.add(v.val());
        if (context.equals("range") && decl.size() < 2) {
          Type t = peekNonSpace().type();
          if (t == Type.VARIABLE || t == Type.RIGHT_DELIM || t == Type.RIGHT_PAREN) {
            continue;
          }
          throw errorf("range can only initialize variables");
        }
        throw errorf("too many declarations in " + context);
      } else if (tokenAfterVariable.type() == Type.SPACE) {
        backup3(v, tokenAfterVariable);
      } else {
        backup2(v);
      }
      return isAssign;
    }
  }

  private void checkPipeline(List<Command> cmds, String context) {
    if (cmds.isEmpty()) {
      throw errorf("missing value for " + context);
    }
    for (int i = 1; i < cmds.size(); i++) {
      Node first = cmds.get(i).args().get(0);
      if (first instanceof Node.Bool
          || first instanceof Node.Dot
          || first instanceof Node.Nil
          || first instanceof Node.Number
          || first instanceof Node.StringLit) {
        throw errorf("non executable command in pipeline stage " + (i + 1));
      }
    }
  }

  private Command command() {
    Command cmd = new Command(peekNonSpace().pos(), new ArrayList<>());
    while (true) {
      peekNonSpace();
      Node operand = operand();
      if (operand != null) {
        cmd.args().add(operand);
      }
      Token t = next();
      if (t.type() == Type.SPACE) {
        continue;
      }
      if (t.type() == Type.RIGHT_DELIM || t.type() == Type.RIGHT_PAREN) {
        backup();
      } else if (t.type() != Type.PIPE) {
        throw unexpected(t, "operand");
      }
      break;
    }
    if (cmd.args().isEmpty()) {
      throw errorf("empty command");
    }
    return cmd;
  }

  private Node operand() {
    Node node = term();
    if (node == null || peek().type() != Type.FIELD) {
      return node;
    }
    int chainPos = peek().pos();
    List<String> fields = new ArrayList<>();
    while (peek().type() == Type.FIELD) {
      fields.add(next().val().substring(1));
    }
    if (node instanceof Node.Field f) {
      List<String> all = new ArrayList<>(f.idents());
      all.addAll(fields);
      return new Node.Field(chainPos, all);
    }
    if (node instanceof Variable v) {
      List<String> all = new ArrayList<>(v.idents());
      all.addAll(fields);
      return new Variable(chainPos, all);
    }
    if (node instanceof Node.Bool
        || node instanceof Node.StringLit
        || node instanceof Node.Number
        || node instanceof Node.Nil
        || node instanceof Node.Dot) {
      throw errorf("unexpected . after term " + GoQuote.quote(node.toString()));
    }
    return new Node.Chain(chainPos, node, fields);
  }

  private Node term() {
    Token t = nextNonSpace();
    switch (t.type()) {
      case IDENTIFIER:
        if (!functions.contains(t.val())) {
          throw errorf("function " + GoQuote.quote(t.val()) + " not defined");
        }
        return new Node.Identifier(t.pos(), t.val());
      case DOT:
        return new Node.Dot(t.pos());
      case NIL:
        return new Node.Nil(t.pos());
      case VARIABLE:
        return useVar(t);
      case FIELD:
        return new Node.Field(t.pos(), List.of(t.val().substring(1)));
      case BOOL:
        return new Node.Bool(t.pos(), t.val().equals("true"));
      case CHAR_CONSTANT:
      case NUMBER:
        return Numbers.parse(t, this::errorf);
      case LEFT_PAREN:
        return pipeline("parenthesized pipeline", Type.RIGHT_PAREN);
      case STRING:
      case RAW_STRING:
        return new Node.StringLit(t.pos(), t.val(), unquote(t.val()));
      default:
        backup();
        return null;
    }
  }

  private Node useVar(Token t) {
    if (!vars.contains(t.val())) {
      throw errorf("undefined variable " + GoQuote.quote(t.val()));
    }
    return new Variable(t.pos(), List.of(t.val()));
  }
}
