package io.jdock.cli.format;

import io.jdock.cli.format.Token.Type;
import java.util.Map;

/**
 * The vocabulary inside an action, as Go's {@code lex.go} scans it: keywords and identifiers,
 * {@code .Field} and {@code $var}, quoted strings, character constants and numbers. Each scanner
 * consumes one item at the cursor and emits it, or emits Go's error and returns false.
 */
final class ActionItems {
  private static final Map<String, Type> KEYWORDS =
      Map.ofEntries(
          Map.entry(".", Type.DOT),
          Map.entry("block", Type.BLOCK),
          Map.entry("break", Type.BREAK),
          Map.entry("continue", Type.CONTINUE),
          Map.entry("define", Type.DEFINE),
          Map.entry("else", Type.ELSE),
          Map.entry("end", Type.END),
          Map.entry("if", Type.IF),
          Map.entry("range", Type.RANGE),
          Map.entry("nil", Type.NIL),
          Map.entry("template", Type.TEMPLATE),
          Map.entry("with", Type.WITH));

  private ActionItems() {}

  /** Whether {@code r}, just read inside an action, starts one of these items. */
  static boolean startsItem(int r) {
    return "\"`$'.+-".indexOf(r) >= 0 || isAlphaNumeric(r);
  }

  /** Scans the item that {@code r}, just read, starts; returns false after an error. */
  static boolean scan(LexCursor cur, int r) {
    if (r == '"') {
      return quoted(cur, '"', Type.STRING, "unterminated quoted string");
    } else if (r == '`') {
      return rawQuote(cur);
    } else if (r == '$') {
      return fieldOrVariable(cur, Type.VARIABLE);
    } else if (r == '\'') {
      return quoted(cur, '\'', Type.CHAR_CONSTANT, "unterminated character constant");
    } else if (r == '.' && cur.pos() < cur.input().length() && !isAsciiDigit(cur.peek())) {
      return fieldOrVariable(cur, Type.FIELD);
    }
    cur.backup();
    if (r == '.' || r == '+' || r == '-' || isAsciiDigit(r)) {
      return number(cur);
    }
    return identifier(cur);
  }

  static boolean isSpace(int r) {
    return r == ' ' || r == '\t' || r == '\r' || r == '\n';
  }

  static boolean isAlphaNumeric(int r) {
    return r == '_' || Character.isLetter(r) || Character.isDigit(r);
  }

  private static boolean isAsciiDigit(int r) {
    return r >= '0' && r <= '9';
  }

  private static boolean identifier(LexCursor cur) {
    while (isAlphaNumeric(cur.peek())) {
      cur.next();
    }
    String word = cur.pending();
    if (!atTerminator(cur)) {
      return cur.fail("bad character " + GoQuote.unicode(cur.peek()));
    }
    Type keyword = KEYWORDS.get(word);
    if (keyword != null) {
      cur.emit(keyword);
    } else if (word.charAt(0) == '.') {
      cur.emit(Type.FIELD);
    } else if (word.equals("true") || word.equals("false")) {
      cur.emit(Type.BOOL);
    } else {
      cur.emit(Type.IDENTIFIER);
    }
    return true;
  }

  /** Scans {@code .Field} or {@code $var}; the {@code .} or {@code $} has been read. */
  private static boolean fieldOrVariable(LexCursor cur, Type type) {
    if (atTerminator(cur)) {
      cur.emit(type == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
      return true;
    }
    while (isAlphaNumeric(cur.peek())) {
      cur.next();
    }
    if (!atTerminator(cur)) {
      return cur.fail("bad character " + GoQuote.unicode(cur.peek()));
    }
    cur.emit(type);
    return true;
  }

  /** Whether the next character may follow a word: space, punctuation or the right delimiter. */
  private static boolean atTerminator(LexCursor cur) {
    int r = cur.peek();
    if (r == LexCursor.EOF || isSpace(r)) {
      return true;
    }
    return switch (r) {
      case '.', ',', '|', ':', ')', '(' -> true;
      default -> cur.input().startsWith(Lexer.RIGHT, cur.pos());
    };
  }

  /** A {@code "string"} or {@code 'c'}: escapes are skipped, a newline or EOF is an error. */
  private static boolean quoted(LexCursor cur, int quote, Type type, String unterminated) {
    while (true) {
      int r = cur.next();
      if (r == '\\') {
        r = cur.next();
        if (r != LexCursor.EOF && r != '\n') {
          continue;
        }
      }
      if (r == LexCursor.EOF || r == '\n') {
        return cur.fail(unterminated);
      }
      if (r == quote) {
        break;
      }
    }
    cur.emit(type);
    return true;
  }

  private static boolean rawQuote(LexCursor cur) {
    int end = cur.input().indexOf('`', cur.pos());
    if (end < 0) {
      return cur.fail("unterminated raw quoted string");
    }
    cur.moveTo(end + 1);
    cur.emit(Type.RAW_STRING);
    return true;
  }

  /** A number, or a complex {@code 1+2i} (no spaces, must end in 'i'). */
  private static boolean number(LexCursor cur) {
    if (!scanNumber(cur)) {
      return cur.fail("bad number syntax: " + GoQuote.quote(cur.pending()));
    }
    int sign = cur.peek();
    if (sign == '+' || sign == '-') {
      if (!scanNumber(cur) || cur.input().charAt(cur.pos() - 1) != 'i') {
        return cur.fail("bad number syntax: " + GoQuote.quote(cur.pending()));
      }
    }
    cur.emit(Type.NUMBER);
    return true;
  }

  private static boolean scanNumber(LexCursor cur) {
    cur.accept("+-");
    String digits = "0123456789_";
    if (cur.accept("0")) {
      if (cur.accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (cur.accept("oO")) {
        digits = "01234567_";
      } else if (cur.accept("bB")) {
        digits = "01_";
      }
    }
    cur.acceptRun(digits);
    if (cur.accept(".")) {
      cur.acceptRun(digits);
    }
    if (digits.length() == 11 && cur.accept("eE")) {
      cur.accept("+-");
      cur.acceptRun("0123456789_");
    }
    if (digits.length() == 23 && cur.accept("pP")) {
      cur.accept("+-");
      cur.acceptRun("0123456789_");
    }
    cur.accept("i");
    if (isAlphaNumeric(cur.peek())) {
      cur.next();
      return false;
    }
    return true;
  }
}
