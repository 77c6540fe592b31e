package io.jdock.cli.format;

import io.jdock.cli.format.Token.Type;

/**
 * The parser's window on the lexer's items, Go's three-token look-ahead ({@code next}, {@code
 * backup2}, {@code peekNonSpace}...), and Go's parse errors, located at the line of the last item
 * read: {@code template: :LINE: MESSAGE}.
 */
final class Lookahead {
  private final Lexer lex;
  private final Token[] token = new Token[3];
  private int peekCount;
  private int actionLine;

  Lookahead(Lexer lex) {
    this.lex = lex;
  }

  /** Unwinds the parser like Go's panic/recover. */
  static final class ParseError extends RuntimeException {
    ParseError(String message) {
      super(message, null, false, false);
    }
  }

  ParseError errorf(String message) {
    int line = token[0] == null ? 1 : token[0].line();
    return new ParseError("template: :" + line + ": " + message);
  }

  /** Go's {@code unexpected}: a lexer error as it is, anything else as "unexpected X in Y". */
  ParseError unexpected(Token tok, String context) {
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

  /** Records the line of the action being parsed (0: none), for lexer errors inside it. */
  void setActionLine(int line) {
    actionLine = line;
  }

  /** {@code strconv.Unquote} of a string token, failing with Go's parse error. */
  String unquote(String quoted) {
    try {
      return GoQuote.unquote(quoted);
    } catch (IllegalArgumentException e) {
      throw errorf(e.getMessage());
    }
  }

  Token next() {
    if (peekCount > 0) {
      peekCount--;
    } else {
      token[0] = lex.nextItem();
    }
    return token[peekCount];
  }

  void backup() {
    peekCount++;
  }

  /** Backs up two tokens; the zeroth is already there. */
  void backup2(Token t1) {
    token[1] = t1;
    peekCount = 2;
  }

  /** Backs up three tokens (pushed in reverse order); the zeroth is already there. */
  void backup3(Token t2, Token t1) {
    token[1] = t1;
    token[2] = t2;
    peekCount = 3;
  }

  Token peek() {
    if (peekCount > 0) {
      return token[peekCount - 1];
    }
    peekCount = 1;
    token[0] = lex.nextItem();
    return token[0];
  }

  Token nextNonSpace() {
    Token t;
    do {
      t = next();
    } while (t.type() == Type.SPACE);
    return t;
  }

  Token peekNonSpace() {
    Token t = nextNonSpace();
    backup();
    return t;
  }

  /** Consumes the next non-space token, which must have the expected type. */
  Token expect(Type expected, String context) {
    Token t = nextNonSpace();
    if (t.type() != expected) {
      throw unexpected(t, context);
    }
    return t;
  }
}
