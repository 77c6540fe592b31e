package io.jdock.cli.format;

/**
 * One lexical item of a template, as Go's text/template/parse lexer produces it: its type, its
 * start offset (in chars of the template text), its text and the line it starts on.
 */
record Token(Type type, int pos, String val, int line) {

  /** Item types of Go's lexer; keywords come after {@link #KEYWORD}. */
  enum Type {
    ERROR,
    BOOL,
    CHAR,
    CHAR_CONSTANT,
    ASSIGN,
    DECLARE,
    EOF,
    FIELD,
    IDENTIFIER,
    LEFT_DELIM,
    LEFT_PAREN,
    NUMBER,
    PIPE,
    RAW_STRING,
    RIGHT_DELIM,
    RIGHT_PAREN,
    SPACE,
    STRING,
    TEXT,
    VARIABLE,
    KEYWORD,
    BLOCK,
    BREAK,
    CONTINUE,
    DOT,
    DEFINE,
    ELSE,
    END,
    IF,
    NIL,
    RANGE,
    TEMPLATE,
    WITH;

    boolean isKeyword() {
      return ordinal() > KEYWORD.ordinal();
    }
  }

  /** Go's {@code item.String()}: used in "unexpected X in Y" parse errors. */
  @Override
  public String toString() {
    if (type == Type.EOF) {
      return "EOF";
    }
    if (type == Type.ERROR) {
      return val;
    }
    if (type.isKeyword()) {
      return "<" + val + ">";
    }
    if (val.codePointCount(0, val.length()) > 10) {
      int end = val.offsetByCodePoints(0, 10);
      return GoQuote.quote(val.substring(0, end)) + "...";
    }
    return GoQuote.quote(val);
  }
}
