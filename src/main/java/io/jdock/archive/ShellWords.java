package io.jdock.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Dockerfile word processing for the arguments of ENV, LABEL, EXPOSE, VOLUME, WORKDIR and USER
 * (https://docs.docker.com/reference/dockerfile/#environment-replacement): words split at unquoted
 * blanks, single and double quotes removed, backslash escapes, and {@code $VAR} / {@code ${VAR}}
 * replaced from the environment outside single quotes.
 */
final class ShellWords {
  private ShellWords() {}

  /** The words of {@code text}, processed. */
  static List<String> split(String text, Map<String, String> env) throws InvalidChangeException {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote == 0 && Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
        continue;
      }
      inWord = true;
      if (c == '\\' && quote != '\'' && i + 1 < text.length()) {
        word.append(text.charAt(++i));
      } else if ((c == '"' || c == '\'') && (quote == 0 || quote == c)) {
        quote = quote == 0 ? c : 0;
      } else if (c == '$' && quote != '\'') {
        i = expand(text, i, env, word);
      } else {
        word.append(c);
      }
    }
    if (quote != 0) {
      throw new InvalidChangeException(
          "unexpected end of statement while looking for matching " + quote);
    }
    if (inWord) {
      words.add(word.toString());
    }
    return words;
  }

  /** {@code text} processed as one word (quotes and variables, blanks kept). */
  static String word(String text, Map<String, String> env) throws InvalidChangeException {
    return String.join(" ", split(text, env));
  }

  /** Appends the value of the variable at {@code text[dollar]}; returns the index of its end. */
  private static int expand(String text, int dollar, Map<String, String> env, StringBuilder out) {
    int start = dollar + 1;
    if (start < text.length() && text.charAt(start) == '{') {
      int close = text.indexOf('}', start);
      if (close > start) {
        out.append(env.getOrDefault(text.substring(start + 1, close), ""));
        return close;
      }
    }
    int end = start;
    while (end < text.length()
        && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
      end++;
    }
    if (end == start) {
      out.append('$');
      return dollar;
    }
    out.append(env.getOrDefault(text.substring(start, end), ""));
    return end - 1;
  }
}
