package io.jdock.cli.format;

import io.jdock.cli.format.Token.Type;
import java.util.ArrayDeque;

/**
 * The lexer's place in the template text, as Go's {@code lexer} struct keeps it: a cursor over code
 * points, the start of the item being scanned, and the items emitted and not yet read.
 */
final class LexCursor {
  /** What {@link #next()} returns at the end of the input. */
  static final int EOF = -1;

  private final String input;
  private final ArrayDeque<Token> items = new ArrayDeque<>();
  private int pos;
  private int start;
  private boolean atEof;

  LexCursor(String input) {
    this.input = input;
  }

  String input() {
    return input;
  }

  /** The offset of the next code point. */
  int pos() {
    return pos;
  }

  void moveTo(int offset) {
    pos = offset;
  }

  /** The offset where the pending item starts. */
  int start() {
    return start;
  }

  /** Consumes and returns the next code point, or {@link #EOF}. */
  int next() {
    if (pos >= input.length()) {
      atEof = true;
      return EOF;
    }
    atEof = false;
    int r = input.codePointAt(pos);
    pos += Character.charCount(r);
    return r;
  }

  /** Steps back over the code point {@link #next()} returned (nothing after EOF). */
  void backup() {
    if (!atEof && pos > 0) {
      pos = input.offsetByCodePoints(pos, -1);
    }
    atEof = false;
  }

  int peek() {
    int r = next();
    backup();
    return r;
  }

  /** Consumes the next code point if it is one of {@code valid}. */
  boolean accept(String valid) {
    int r = next();
    if (r != EOF && valid.indexOf(r) >= 0) {
      return true;
    }
    backup();
    return false;
  }

  void acceptRun(String valid) {
    while (accept(valid)) {
      // absorb
    }
  }

  /** The text of the pending item. */
  String pending() {
    return input.substring(start, pos);
  }

  /** Emits the pending item with the given type. */
  void emit(Type type) {
    items.add(new Token(type, start, pending(), lineAt(start)));
    start = pos;
  }

  /** Drops the pending text. */
  void ignore() {
    start = pos;
  }

  /** Emits an error item with Go's message; the lexer stops after it. Returns false. */
  boolean fail(String message) {
    items.add(new Token(Type.ERROR, start, message, lineAt(start)));
    return false;
  }

  boolean hasItems() {
    return !items.isEmpty();
  }

  Token poll() {
    return items.poll();
  }

  /** The EOF item that repeats once the lexer has stopped. */
  Token eofItem() {
    return new Token(Type.EOF, pos, "", lineAt(pos));
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
}
