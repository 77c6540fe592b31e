package io.jdock.cli.format;

import io.jdock.cli.format.Token.Type;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * The scanner of Go's text/template/parse ({@code lex.go}), state for state: text, delimiters with
 * trim markers ({@code {{- } and {@code -}}}), comments, and the items inside actions. Errors are
 * returned as an {@link Type#ERROR} item carrying Go's message, after which only EOF follows.
 */
final class Lexer {
  private static final String LEFT = "{{";
  private static final String RIGHT = "}}";
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

  private interface State {
    State run();
  }

  private final String input;
  private final ArrayDeque<Token> items = new ArrayDeque<>();
  private State state = this::lexText;
  private int pos;
  private int start;
  private int parenDepth;
  private boolean done;

  Lexer(String input) {
    this.input = input;
  }

  /** The next item; EOF (or the error item) repeats once the input is exhausted. */
  Token nextItem() {
    while (items.isEmpty()) {
      if (state == null) {
        return new Token(Type.EOF, pos, "", lineAt(pos));
      }
      state = state.run();
    }
    return items.poll();
  }

  private int lineAt(int offset) {
    int line = 1;
    for (int i = 0; i < offset && i < input.length(); i++) {
      if (input.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static final int EOF = -1;

  private int next() {
    if (pos >= input.length()) {
      done = true;
      return EOF;
    }
    done = false;
    int r = input.codePointAt(pos);
    pos += Character.charCount(r);
    return r;
  }

  private void backup() {
    if (!done && pos > 0) {
      pos = input.offsetByCodePoints(pos, -1);
    }
    done = false;
  }

  private int peek() {
    int r = next();
    backup();
    return r;
  }

  private void emit(Type type) {
    items.add(new Token(type, start, input.substring(start, pos), lineAt(start)));
    start = pos;
  }

  private void ignore() {
    start = pos;
  }

  private State errorf(String message) {
    items.add(new Token(Type.ERROR, start, message, lineAt(start)));
    return null;
  }

  static boolean isSpace(int r) {
    return r == ' ' || r == '\t' || r == '\r' || r == '\n';
  }

  static boolean isAlphaNumeric(int r) {
    return r == '_' || Character.isLetter(r) || Character.isDigit(r);
  }

  private boolean hasLeftTrimMarker(int at) {
    return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
  }

  private boolean hasRightTrimMarker(int at) {
    return at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
  }

  /** Returns 0 (no delimiter), 1 (plain {@code }}}) or 2 (with a trim marker). */
  private int atRightDelim() {
    if (hasRightTrimMarker(pos) && input.startsWith(RIGHT, pos + 2)) {
      return 2;
    }
    return input.startsWith(RIGHT, pos) ? 1 : 0;
  }

  private State lexText() {
    int x = input.indexOf(LEFT, pos);
    if (x >= 0) {
      int textEnd = x;
      if (hasLeftTrimMarker(x + LEFT.length())) {
        while (textEnd > start && isSpace(input.charAt(textEnd - 1))) {
          textEnd--;
        }
      }
      pos = textEnd;
      if (pos > start) {
        emit(Type.TEXT);
      }
      pos = x;
      ignore();
      return this::lexLeftDelim;
    }
    pos = input.length();
    if (pos > start) {
      emit(Type.TEXT);
    }
    emit(Type.EOF);
    return null;
  }

  private State lexLeftDelim() {
    pos += LEFT.length();
    int afterMarker = hasLeftTrimMarker(pos) ? 2 : 0;
    if (input.startsWith("/*", pos + afterMarker)) {
      pos += afterMarker;
      ignore();
      return this::lexComment;
    }
    emit(Type.LEFT_DELIM);
    pos += afterMarker;
    ignore();
    parenDepth = 0;
    return this::lexInsideAction;
  }

  private State lexComment() {
    pos += 2;
    int i = input.indexOf("*/", pos);
    if (i < 0) {
      return errorf("unclosed comment");
    }
    pos = i + 2;
    int delim = atRightDelim();
    if (delim == 0) {
      return errorf("comment ends before closing delimiter");
    }
    pos += delim == 2 ? 2 + RIGHT.length() : RIGHT.length();
    if (delim == 2) {
      skipLeadingSpace();
    }
    ignore();
    return this::lexText;
  }

  private void skipLeadingSpace() {
    while (pos < input.length() && isSpace(input.charAt(pos))) {
      pos++;
    }
  }

  private State lexRightDelim() {
    boolean trim = hasRightTrimMarker(pos);
    if (trim) {
      pos += 2;
      ignore();
    }
    pos += RIGHT.length();
    emit(Type.RIGHT_DELIM);
    if (trim) {
      skipLeadingSpace();
      ignore();
    }
    return this::lexText;
  }

  private State lexInsideAction() {
    if (atRightDelim() != 0) {
      return parenDepth == 0 ? this::lexRightDelim : errorf("unclosed left paren");
    }
    int r = next();
    if (r == EOF) {
      return errorf("unclosed action");
    } else if (isSpace(r)) {
      backup();
      return this::lexSpace;
    } else if (r == '=') {
      emit(Type.ASSIGN);
    } else if (r == ':') {
      if (next() != '=') {
        return errorf("expected :=");
      }
      emit(Type.DECLARE);
    } else if (r == '|') {
      emit(Type.PIPE);
    } else if (r == '"') {
      return lexQuote();
    } else if (r == '`') {
      return lexRawQuote();
    } else if (r == '$') {
      return lexFieldOrVariable(Type.VARIABLE);
    } else if (r == '\'') {
      return lexChar();
    } else if (r == '.' && pos < input.length() && !isAsciiDigit(input.charAt(pos))) {
      return lexFieldOrVariable(Type.FIELD);
    } else if (r == '.' || r == '+' || r == '-' || isAsciiDigit(r)) {
      backup();
      return lexNumber();
    } else if (isAlphaNumeric(r)) {
      backup();
      return lexIdentifier();
    } else if (r == '(') {
      emit(Type.LEFT_PAREN);
      parenDepth++;
    } else if (r == ')') {
      parenDepth--;
      if (parenDepth < 0) {
        return errorf("unexpected right paren");
      }
      emit(Type.RIGHT_PAREN);
    } else if (r < 0x7f && r >= 0x20) {
      emit(Type.CHAR);
    } else {
      return errorf("unrecognized character in action: " + GoQuote.unicode(r));
    }
    return this::lexInsideAction;
  }

  private static boolean isAsciiDigit(int r) {
    return r >= '0' && r <= '9';
  }

  private State lexSpace() {
    int numSpaces = 0;
    while (isSpace(peek())) {
      next();
      numSpaces++;
    }
    // A trim-marked closing delimiter has a minus after a space: leave that space to it.
    if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT, pos + 1)) {
      pos--;
      if (numSpaces == 1) {
        return this::lexRightDelim;
      }
    }
    emit(Type.SPACE);
    return this::lexInsideAction;
  }

  private State lexIdentifier() {
    while (isAlphaNumeric(peek())) {
      next();
    }
    String word = input.substring(start, pos);
    if (!atTerminator()) {
      return errorf("bad character " + GoQuote.unicode(peek()));
    }
    Type keyword = KEYWORDS.get(word);
    if (keyword != null) {
      emit(keyword);
    } else if (word.charAt(0) == '.') {
      emit(Type.FIELD);
    } else if (word.equals("true") || word.equals("false")) {
      emit(Type.BOOL);
    } else {
      emit(Type.IDENTIFIER);
    }
    return this::lexInsideAction;
  }

  /** Scans {@code .Field} or {@code $var}; the {@code .} or {@code $} has been read. */
  private State lexFieldOrVariable(Type type) {
    if (atTerminator()) {
      emit(type == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
      return this::lexInsideAction;
    }
    while (isAlphaNumeric(peek())) {
      next();
    }
    if (!atTerminator()) {
      return errorf("bad character " + GoQuote.unicode(peek()));
    }
    emit(type);
    return this::lexInsideAction;
  }

  private boolean atTerminator() {
    int r = peek();
    if (r == EOF || isSpace(r)) {
      return true;
    }
    return switch (r) {
      case '.', ',', '|', ':', ')', '(' -> true;
      default -> input.startsWith(RIGHT, pos);
    };
  }

  private State lexChar() {
    while (true) {
      int r = next();
      if (r == '\\') {
        r = next();
        if (r != EOF && r != '\n') {
          continue;
        }
      }
      if (r == EOF || r == '\n') {
        return errorf("unterminated character constant");
      }
      if (r == '\'') {
        break;
      }
    }
    emit(Type.CHAR_CONSTANT);
    return this::lexInsideAction;
  }

  private State lexQuote() {
    while (true) {
      int r = next();
      if (r == '\\') {
        r = next();
        if (r != EOF && r != '\n') {
          continue;
        }
      }
      if (r == EOF || r == '\n') {
        return errorf("unterminated quoted string");
      }
      if (r == '"') {
        break;
      }
    }
    emit(Type.STRING);
    return this::lexInsideAction;
  }

  private State lexRawQuote() {
    int end = input.indexOf('`', pos);
    if (end < 0) {
      return errorf("unterminated raw quoted string");
    }
    pos = end + 1;
    emit(Type.RAW_STRING);
    return this::lexInsideAction;
  }

  private State lexNumber() {
    if (!scanNumber()) {
      return errorf("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
    }
    int sign = peek();
    if (sign == '+' || sign == '-') {
      // Complex: 1+2i. No spaces, must end in 'i'.
      if (!scanNumber() || input.charAt(pos - 1) != 'i') {
        return errorf("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
      }
    }
    emit(Type.NUMBER);
    return this::lexInsideAction;
  }

  private boolean accept(String valid) {
    int r = next();
    if (r != EOF && valid.indexOf(r) >= 0) {
      return true;
    }
    backup();
    return false;
  }

  private void acceptRun(String valid) {
    while (accept(valid)) {
      // absorb
    }
  }

  private boolean scanNumber() {
    accept("+-");
    String digits = "0123456789_";
    if (accept("0")) {
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (digits.length() == 11 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length() == 23 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  }
}
