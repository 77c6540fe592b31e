package io.jdock.cli.format;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The parse tree of a template, mirroring Go's text/template/parse nodes. {@link #pos()} is the
 * offset in the template text used for "line:col" in execution errors; {@link #toString()} is Go's
 * {@code Node.String()}, quoted in those errors as {@code at <...>}.
 */
sealed interface Node {
  int pos();

  /** Plain text between actions. */
  record Text(int pos, String text) implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  /** A sequence of nodes. */
  record ListNode(int pos, List<Node> nodes) implements Node {
    @Override
    public String toString() {
      return nodes.stream().map(Node::toString).collect(Collectors.joining());
    }
  }

  /** {@code {{pipeline}}}: evaluates and prints unless it declares variables. */
  record Action(int pos, int line, Pipe pipe) implements Node {
    @Override
    public String toString() {
      return "{{" + pipe + "}}";
    }
  }

  /** Declarations followed by commands separated by {@code |}. */
  record Pipe(int pos, int line, boolean isAssign, List<Variable> decl, List<Command> cmds)
      implements Node {
    @Override
    public String toString() {
      StringBuilder sb = new StringBuilder();
      if (!decl.isEmpty()) {
        sb.append(decl.stream().map(Node::toString).collect(Collectors.joining(", ")));
        sb.append(isAssign ? " = " : " := ");
      }
      sb.append(cmds.stream().map(Node::toString).collect(Collectors.joining(" | ")));
      return sb.toString();
    }
  }

  /** An operand followed by its arguments. */
  record Command(int pos, List<Node> args) implements Node {
    @Override
    public String toString() {
      return args.stream()
          .map(a -> a instanceof Pipe ? "(" + a + ")" : a.toString())
          .collect(Collectors.joining(" "));
    }
  }

  /** A function name. */
  record Identifier(int pos, String name) implements Node {
    @Override
    public String toString() {
      return name;
    }
  }

  /** {@code $x} or {@code $x.Field.Sub}: idents hold "$x" then the field names. */
  record Variable(int pos, List<String> idents) implements Node {
    @Override
    public String toString() {
      return String.join(".", idents);
    }
  }

  /** {@code .Field.Sub}. */
  record Field(int pos, List<String> idents) implements Node {
    @Override
    public String toString() {
      return "." + String.join(".", idents);
    }
  }

  /** {@code (pipeline).Field} or a literal followed by fields. */
  record Chain(int pos, Node node, List<String> fields) implements Node {
    @Override
    public String toString() {
      String head = node instanceof Pipe ? "(" + node + ")" : node.toString();
      return head + "." + String.join(".", fields);
    }
  }

  /** The cursor. */
  record Dot(int pos) implements Node {
    @Override
    public String toString() {
      return ".";
    }
  }

  /** The untyped nil constant. */
  record Nil(int pos) implements Node {
    @Override
    public String toString() {
      return "nil";
    }
  }

  /** A boolean constant. */
  record Bool(int pos, boolean value) implements Node {
    @Override
    public String toString() {
      return value ? "true" : "false";
    }
  }

  /** A numeric constant: its text and the Go kinds it can be used as. */
  record Number(int pos, String text, boolean isInt, long intValue, boolean isFloat, double value)
      implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  /** A string constant: the quoted source text and the unquoted value. */
  record StringLit(int pos, String quoted, String text) implements Node {
    @Override
    public String toString() {
      return quoted;
    }
  }

  /** {@code {{if}}}, {@code {{with}}}: elseList may be null. */
  record Branch(int pos, int line, Kind kind, Pipe pipe, ListNode list, ListNode elseList)
      implements Node {
    enum Kind {
      IF,
      WITH,
      RANGE
    }

    @Override
    public String toString() {
      String name = kind.name().toLowerCase(java.util.Locale.ROOT);
      String s = "{{" + name + " " + pipe + "}}" + list;
      if (elseList != null) {
        s += "{{else}}" + elseList;
      }
      return s + "{{end}}";
    }
  }

  /** {@code {{template "name" pipeline}}}; pipe may be null. */
  record Template(int pos, int line, String name, Pipe pipe) implements Node {
    @Override
    public String toString() {
      String q = GoQuote.quote(name);
      return pipe == null ? "{{template " + q + "}}" : "{{template " + q + " " + pipe + "}}";
    }
  }

  /** {@code {{break}}}. */
  record Break(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{break}}";
    }
  }

  /** {@code {{continue}}}. */
  record Continue(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{continue}}";
    }
  }

  /** Parser-internal: an {@code {{end}}} closing a list. */
  record End(int pos) implements Node {
    @Override
    public String toString() {
      return "{{end}}";
    }
  }

  /** Parser-internal: an {@code {{else}}} closing a list. */
  record Else(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{else}}";
    }
  }
}
