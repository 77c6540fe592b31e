package io.jdock.cli.format;

import io.jdock.cli.format.Token.Type;

/**
 * The state machine of Go's text/template/parse lexer ({@code lex.go}), state for state: text,
 * delimiters with trim markers ({@code {{- } and {@code -}}}), comments, and the punctuation inside
 * actions; the words inside actions are scanned by {@link ActionItems}. Errors are returned as an
 * {@link Type#ERROR} item carrying Go's message, after which only EOF follows.
 */
final class Lexer {
  static final String LEFT = "{{";
  static final String RIGHT = "}}";

  private interface State {
    State run();
  }

  private final LexCursor cur;
  private final String input;
  private State state = this::lexText;
  private int parenDepth;

  Lexer(String input) {
    this.cur = new LexCursor(input);
    this.input = input;
  }

  /** The next item; EOF (or the error item) repeats once the input is exhausted. */
  Token nextItem() {
    while (!cur.hasItems()) {
      if (state == null) {
        return cur.eofItem();
      }
      state = state.run();
    }
    return cur.poll();
  }

  private State errorf(String message) {
    cur.fail(message);
    return null;
  }

  private boolean hasLeftTrimMarker(int at) {
    return at + 1 < input.length()
        && input.charAt(at) == '-'
        && ActionItems.isSpace(input.charAt(at + 1));
  }

  private boolean hasRightTrimMarker(int at) {
    return at + 1 < input.length()
        && ActionItems.isSpace(input.charAt(at))
        && input.charAt(at + 1) == '-';
  }

  /** Returns 0 (no delimiter), 1 (plain {@code }}}) or 2 (with a trim marker). */
  private int atRightDelim() {
    int pos = cur.pos();
    if (hasRightTrimMarker(pos) && input.startsWith(RIGHT, pos + 2)) {
      return 2;
    }
    return input.startsWith(RIGHT, pos) ? 1 : 0;
  }

  private void skipLeadingSpace() {
    int pos = cur.pos();
    while (pos < input.length() && ActionItems.isSpace(input.charAt(pos))) {
      pos++;
    }
    cur.moveTo(pos);
  }

  private State lexText() {
    int x = input.indexOf(LEFT, cur.pos());
    if (x >= 0) {
      int textEnd = x;
      if (hasLeftTrimMarker(x + LEFT.length())) {
        while (textEnd > cur.start() && ActionItems.isSpace(input.charAt(textEnd - 1))) {
          textEnd--;
        }
      }
      cur.moveTo(textEnd);
      if (textEnd > cur.start()) {
        cur.emit(Type.TEXT);
      }
      cur.moveTo(x);
      cur.ignore();
      return this::lexLeftDelim;
    }
    cur.moveTo(input.length());
    if (cur.pos() > cur.start()) {
      cur.emit(Type.TEXT);
    }
    cur.emit(Type.EOF);
    return null;
  }

  private State lexLeftDelim() {
    cur.moveTo(cur.pos() + LEFT.length());
    int afterMarker = hasLeftTrimMarker(cur.pos()) ? 2 : 0;
    if (input.startsWith("/*", cur.pos() + afterMarker)) {
      cur.moveTo(cur.pos() + afterMarker);
      cur.ignore();
      return this::lexComment;
    }
    cur.emit(Type.LEFT_DELIM);
    cur.moveTo(cur.pos() + afterMarker);
    cur.ignore();
    parenDepth = 0;
    return this::lexInsideAction;
  }

  private State lexComment() {
    int end = input.indexOf("*/", cur.pos() + 2);
    if (end < 0) {
      cur.moveTo(cur.pos() + 2);
      return errorf("unclosed comment");
    }
    cur.moveTo(end + 2);
    int delim = atRightDelim();
    if (delim == 0) {
      return errorf("comment ends before closing delimiter");
    }
    cur.moveTo(cur.pos() + (delim == 2 ? 2 + RIGHT.length() : RIGHT.length()));
    if (delim == 2) {
      skipLeadingSpace();
    }
    cur.ignore();
    return this::lexText;
  }

  private State lexRightDelim() {
    boolean trim = hasRightTrimMarker(cur.pos());
    if (trim) {
      cur.moveTo(cur.pos() + 2);
      cur.ignore();
    }
    cur.moveTo(cur.pos() + RIGHT.length());
    cur.emit(Type.RIGHT_DELIM);
    if (trim) {
      skipLeadingSpace();
      cur.ignore();
    }
    return this::lexText;
  }

  private State lexInsideAction() {
    if (atRightDelim() != 0) {
      return parenDepth == 0 ? this::lexRightDelim : errorf("unclosed left paren");
    }
    int r = cur.next();
    if (r == LexCursor.EOF) {
      return errorf("unclosed action");
    } else if (ActionItems.isSpace(r)) {
      cur.backup();
      return this::lexSpace;
    } else if (ActionItems.startsItem(r)) {
      return ActionItems.scan(cur, r) ? this::lexInsideAction : null;
    }
    return lexPunctuation(r);
  }

  private State lexPunctuation(int r) {
    switch (r) {
      case '=' -> cur.emit(Type.ASSIGN);
      case ':' -> {
        if (cur.next() != '=') {
          return errorf("expected :=");
        }
        cur.emit(Type.DECLARE);
      }
      case '|' -> cur.emit(Type.PIPE);
      case '(' -> {
        cur.emit(Type.LEFT_PAREN);
        parenDepth++;
      }
      case ')' -> {
        parenDepth--;
        if (parenDepth < 0) {
          return errorf("unexpected right paren");
        }
        cur.emit(Type.RIGHT_PAREN);
      }
      default -> {
        if (r >= 0x7f || r < 0x20) {
          return errorf("unrecognized character in action: " + GoQuote.unicode(r));
        }
        cur.emit(Type.CHAR);
      }
    }
    return this::lexInsideAction;
  }

  private State lexSpace() {
    int numSpaces = 0;
    while (ActionItems.isSpace(cur.peek())) {
      cur.next();
      numSpaces++;
    }
    // A trim-marked closing delimiter has a minus after a space: leave that space to it.
    int pos = cur.pos();
    if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT, pos + 1)) {
      cur.moveTo(pos - 1);
      if (numSpaces == 1) {
        return this::lexRightDelim;
      }
    }
    cur.emit(Type.SPACE);
    return this::lexInsideAction;
  }
}
