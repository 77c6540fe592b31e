package io.jdock.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The {@code --filter key=value} arguments of a listing or prune, as docker's {@code filters.Args}
 * holds them (api/types/filters/parse.go): a set of values per key, checked against what the
 * command accepts, with docker's {@code invalid filter '...'} errors. Keys keep the order in which
 * they were given, so an error names the first bad one.
 */
public final class ImageFilters {
  private final Map<String, Set<String>> fields = new LinkedHashMap<>();

  /** No filters. */
  public static ImageFilters none() {
    return new ImageFilters();
  }

  /**
   * Parses {@code key=value} arguments as the docker CLI does: the key is trimmed and lower-cased,
   * the value trimmed, an empty argument ignored.
   *
   * @throws IllegalArgumentException {@code bad format of filter (expected name=value)}
   */
  public static ImageFilters parse(List<String> arguments) {
    ImageFilters filters = new ImageFilters();
    arguments.forEach(filters::addArgument);
    return filters;
  }

  /**
   * Adds one {@code key=value} argument ({@link #parse}).
   *
   * @throws IllegalArgumentException {@code bad format of filter (expected name=value)}
   */
  public ImageFilters addArgument(String argument) {
    if (argument.isEmpty()) {
      return this;
    }
    int eq = argument.indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("bad format of filter (expected name=value)");
    }
    return add(
        argument.substring(0, eq).strip().toLowerCase(Locale.ROOT),
        argument.substring(eq + 1).strip());
  }

  /** Adds a value to a key (a value given twice counts once). */
  public ImageFilters add(String key, String value) {
    fields.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value);
    return this;
  }

  /** Whether the key was given. */
  public boolean contains(String key) {
    return fields.containsKey(key);
  }

  /** The values of a key, in the order given. */
  public List<String> get(String key) {
    return new ArrayList<>(fields.getOrDefault(key, Set.of()));
  }

  /** Fails with {@code invalid filter '<key>'} for the first key not accepted. */
  void validate(Set<String> accepted) throws InvalidFilterException {
    for (String key : fields.keySet()) {
      if (!accepted.contains(key)) {
        throw new InvalidFilterException("invalid filter '" + key + "'");
      }
    }
  }

  /**
   * docker's GetBoolOrDefault: {@code true}/{@code 1} or {@code false}/{@code 0}; anything else, or
   * both, is {@code invalid filter 'dangling=[x]'}.
   */
  boolean getBoolOrDefault(String key, boolean defaultValue) throws InvalidFilterException {
    Set<String> values = fields.get(key);
    if (values == null) {
      return defaultValue;
    }
    boolean isFalse = values.contains("0") || values.contains("false");
    boolean isTrue = values.contains("1") || values.contains("true");
    if (isFalse == isTrue) {
      throw new InvalidFilterException(
          "invalid filter '" + key + "=[" + String.join(" ", values) + "]'");
    }
    return isTrue;
  }

  /**
   * docker's MatchKVList: true when the key was not given; otherwise every value ({@code name} or
   * {@code name=value}) must be among the labels.
   */
  boolean matchKeyValues(String key, Map<String, String> labels) {
    Set<String> values = fields.get(key);
    if (values == null || values.isEmpty()) {
      return true;
    }
    if (labels.isEmpty()) {
      return false;
    }
    for (String value : values) {
      int eq = value.indexOf('=');
      String name = eq < 0 ? value : value.substring(0, eq);
      if (!labels.containsKey(name)) {
        return false;
      }
      if (eq >= 0 && !value.substring(eq + 1).equals(labels.get(name))) {
        return false;
      }
    }
    return true;
  }
}
