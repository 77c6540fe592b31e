package io.jdock.container;

import java.util.List;
import java.util.stream.Collectors;

/** Quoting for the {@code /bin/sh} scripts that set containers up. */
final class Shell {
  private Shell() {}

  /** S as one sh word: single-quoted, with {@code '} written as {@code '\''}. */
  static String quote(String s) {
    if (!s.isEmpty() && s.matches("[A-Za-z0-9_./:=@%+,-]+")) {
      return s;
    }
    return "'" + s.replace("'", "'\\''") + "'";
  }

  /** Each word quoted, joined by spaces. */
  static String join(List<String> words) {
    return words.stream().map(Shell::quote).collect(Collectors.joining(" "));
  }
}
