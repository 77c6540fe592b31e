package io.jdock.store;

/**
 * Go's {@code path.Match}, which docker's {@code reference} filter uses
 * (https://pkg.go.dev/path#Match): {@code *} matches any run of characters but {@code /}, {@code ?}
 * one character but {@code /}, {@code [a-z]} and {@code [^a-z]} a class, {@code \} escapes. A
 * malformed pattern is an error ({@code syntax error in pattern}), also when the name does not
 * match.
 */
final class GlobPattern {
  static final String BAD_PATTERN = "syntax error in pattern";

  private GlobPattern() {}

  /** Whether {@code name} matches {@code pattern}. */
  static boolean matches(String pattern, String name) throws InvalidFilterException {
    return match(pattern.codePoints().toArray(), name.codePoints().toArray());
  }

  /** As {@link #matches}, a malformed pattern matching nothing. */
  static boolean matchesOrFalse(String pattern, String name) {
    try {
      return matches(pattern, name);
    } catch (InvalidFilterException e) {
      return false;
    }
  }

  private static boolean match(int[] pattern, int[] name) throws InvalidFilterException {
    int p = 0;
    int n = 0;
    patterns:
    while (p < pattern.length) {
      boolean star = false;
      while (p < pattern.length && pattern[p] == '*') {
        p++;
        star = true;
      }
      int chunkEnd = chunkEnd(pattern, p);
      int chunkStart = p;
      p = chunkEnd;
      if (star && chunkStart == chunkEnd) {
        // A trailing * matches the rest of the name unless it has a /.
        return indexOf(name, n, '/') < 0;
      }
      int rest = matchChunk(pattern, chunkStart, chunkEnd, name, n);
      if (rest >= 0 && (rest == name.length || p < pattern.length)) {
        n = rest;
        continue;
      }
      if (star) {
        for (int i = n; i < name.length && name[i] != '/'; i++) {
          int t = matchChunk(pattern, chunkStart, chunkEnd, name, i + 1);
          if (t >= 0) {
            if (p == pattern.length && t < name.length) {
              continue;
            }
            n = t;
            continue patterns;
          }
        }
      }
      checkSyntax(pattern, p);
      return false;
    }
    return n == name.length;
  }

  /** Before answering no, Go checks that the rest of the pattern is well formed. */
  private static void checkSyntax(int[] pattern, int p) throws InvalidFilterException {
    while (p < pattern.length) {
      while (p < pattern.length && pattern[p] == '*') {
        p++;
      }
      int end = chunkEnd(pattern, p);
      matchChunk(pattern, p, end, new int[0], 0);
      p = end;
    }
  }

  /** Go's scanChunk: the chunk runs to the next * outside a class. */
  private static int chunkEnd(int[] pattern, int start) {
    boolean inRange = false;
    int i = start;
    for (; i < pattern.length; i++) {
      int c = pattern[i];
      if (c == '\\') {
        if (i + 1 < pattern.length) {
          i++;
        }
      } else if (c == '[') {
        inRange = true;
      } else if (c == ']') {
        inRange = false;
      } else if (c == '*' && !inRange) {
        break;
      }
    }
    return i;
  }

  /**
   * Go's matchChunk: where the name continues after the chunk, or -1 when it does not match. Once
   * the match failed, the rest of the chunk is still checked for syntax.
   */
  private static int matchChunk(int[] chunk, int c, int end, int[] s, int n)
      throws InvalidFilterException {
    boolean failed = false;
    while (c < end) {
      if (!failed && n == s.length) {
        failed = true;
      }
      int ch = chunk[c];
      if (ch == '[') {
        int r = failed ? -1 : s[n++];
        ClassMatch m = matchClass(chunk, c + 1, end, r);
        c = m.next();
        failed |= !m.matched();
      } else if (ch == '?') {
        if (!failed) {
          failed = s[n] == '/';
          n++;
        }
        c++;
      } else {
        if (ch == '\\') {
          c++;
          if (c == end) {
            throw new InvalidFilterException(BAD_PATTERN);
          }
        }
        if (!failed) {
          failed = chunk[c] != s[n];
          n++;
        }
        c++;
      }
    }
    return failed ? -1 : n;
  }

  /** Where the chunk continues after a character class, and whether the character matched it. */
  private record ClassMatch(int next, boolean matched) {}

  /** A character class after its {@code [} ({@code [^a-z]}, escapes allowed). */
  private static ClassMatch matchClass(int[] chunk, int c, int end, int r)
      throws InvalidFilterException {
    boolean negated = c < end && chunk[c] == '^';
    if (negated) {
      c++;
    }
    boolean match = false;
    int ranges = 0;
    while (true) {
      if (c < end && chunk[c] == ']' && ranges > 0) {
        c++;
        break;
      }
      int[] lo = escaped(chunk, c, end);
      c = lo[1];
      int hi = lo[0];
      if (chunk[c] == '-') {
        int[] h = escaped(chunk, c + 1, end);
        hi = h[0];
        c = h[1];
      }
      if (lo[0] <= r && r <= hi) {
        match = true;
      }
      ranges++;
    }
    return new ClassMatch(c, match != negated);
  }

  /** Go's getEsc: one possibly escaped character of a class, and where the class continues. */
  private static int[] escaped(int[] chunk, int c, int end) throws InvalidFilterException {
    if (c >= end || chunk[c] == '-' || chunk[c] == ']') {
      throw new InvalidFilterException(BAD_PATTERN);
    }
    if (chunk[c] == '\\') {
      c++;
      if (c >= end) {
        throw new InvalidFilterException(BAD_PATTERN);
      }
    }
    int r = chunk[c];
    c++;
    if (c >= end) {
      throw new InvalidFilterException(BAD_PATTERN);
    }
    return new int[] {r, c};
  }

  private static int indexOf(int[] s, int from, int ch) {
    for (int i = from; i < s.length; i++) {
      if (s[i] == ch) {
        return i;
      }
    }
    return -1;
  }
}
