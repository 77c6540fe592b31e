package io.jdock.cli.format;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Factories for the values of the template data model that plain Java collections cannot express.
 *
 * <p>The data model of {@link GoTemplate}: {@code Map<String, ?>} is a JSON object or Go struct
 * (JSON keeps its iteration order; {@code %v} prints {@code map[k:v]} with sorted keys), {@code
 * List<?>} a slice, {@code String}, {@code Integer} (Go int), {@code Long} (int64), {@code Double}
 * (float64), {@code Boolean}, {@code java.time.Instant} (a UTC {@code time.Time}), {@code null}
 * (nil: {@code <no value>}), {@link GoNil} for typed nils, {@link TemplateMethod} for methods with
 * arguments, and {@link #stringMap} for a Go {@code map[string]string}.
 */
public final class GoValues {
  private GoValues() {}

  /**
   * A Go {@code map[string]string} (labels, a graph driver's data): keys sorted as Go sorts them,
   * also in JSON; {@code {{index .Labels "missing"}}} is {@code ""} rather than {@code <no value>};
   * and docker's inspect treats a missing key as a missing map entry, not a missing struct field.
   * {@code null} gives a nil map, which prints {@code map[]} and encodes as {@code null}.
   */
  public static Map<String, String> stringMap(Map<String, String> entries) {
    return new StringMap(entries);
  }

  /** The implementation of {@link #stringMap}: immutable, sorted, possibly nil. */
  static final class StringMap extends AbstractMap<String, String> {
    private final Map<String, String> entries;
    private final boolean nil;

    StringMap(Map<String, String> entries) {
      this.nil = entries == null;
      this.entries =
          entries == null
              ? Collections.emptyMap()
              : Collections.unmodifiableMap(new TreeMap<>(entries));
    }

    boolean isNil() {
      return nil;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
      return entries.entrySet();
    }

    @Override
    public String get(Object key) {
      return entries.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return entries.containsKey(key);
    }
  }
}
