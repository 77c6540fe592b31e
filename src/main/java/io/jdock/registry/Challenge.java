package io.jdock.registry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One authentication challenge of a {@code WWW-Authenticate} header (RFC 7235 section 4.1): a
 * scheme and its parameters, e.g. {@code Bearer realm="https://auth.docker.io/token",
 * service="registry.docker.io",scope="repository:library/ubuntu:pull"}. One header may hold several
 * challenges; quoted values may hold commas and backslash escapes.
 */
public record Challenge(String scheme, Map<String, String> params) {

  public Challenge {
    scheme = scheme.toLowerCase(Locale.ROOT);
    params = Map.copyOf(params);
  }

  public boolean isBearer() {
    return scheme.equals("bearer");
  }

  public boolean isBasic() {
    return scheme.equals("basic");
  }

  /** A parameter, by case-insensitive name. */
  public Optional<String> param(String name) {
    return Optional.ofNullable(params.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Every challenge of every given header value, in order; malformed parts are skipped. */
  public static List<Challenge> parseAll(List<String> headerValues) {
    List<Challenge> all = new ArrayList<>();
    for (String value : headerValues) {
      all.addAll(new Parser(value).challenges());
    }
    return all;
  }

  /** A small scanner over one header value. */
  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s) {
      this.s = s;
    }

    List<Challenge> challenges() {
      List<Challenge> out = new ArrayList<>();
      skip(" \t,");
      while (i < s.length()) {
        String scheme = token();
        if (scheme.isEmpty()) {
          i++;
          skip(" \t,");
          continue;
        }
        out.add(new Challenge(scheme, params()));
        skip(" \t,");
      }
      return out;
    }

    /** Parameters up to the next challenge (a token not followed by '='). */
    private Map<String, String> params() {
      Map<String, String> params = new LinkedHashMap<>();
      while (true) {
        skip(" \t,");
        int mark = i;
        String name = token();
        skip(" \t");
        if (name.isEmpty() || i >= s.length() || s.charAt(i) != '=') {
          i = mark;
          return params;
        }
        i++;
        skip(" \t");
        String value = i < s.length() && s.charAt(i) == '"' ? quoted() : token();
        params.put(name.toLowerCase(Locale.ROOT), value);
      }
    }

    private String token() {
      int start = i;
      while (i < s.length() && " \t,=\"".indexOf(s.charAt(i)) < 0) {
        i++;
      }
      return s.substring(start, i);
    }

    private String quoted() {
      StringBuilder b = new StringBuilder();
      i++;
      while (i < s.length() && s.charAt(i) != '"') {
        char c = s.charAt(i++);
        if (c == '\\' && i < s.length()) {
          c = s.charAt(i++);
        }
        b.append(c);
      }
      i++;
      return b.toString();
    }

    private void skip(String chars) {
      while (i < s.length() && chars.indexOf(s.charAt(i)) >= 0) {
        i++;
      }
    }
  }
}
