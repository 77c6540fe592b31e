package io.jdock.cli;

import io.jdock.cli.format.GoNil;
import java.util.AbstractMap;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A Go struct of docker's inspect output in the template data model: templates reach its fields by
 * their Go names ({@code {{.ID}}}), while {@code {{json .}}} and the printed JSON use the JSON
 * names ({@code "Id"}) in declaration order and leave out the empty {@code omitempty} fields, as
 * Go's {@code encoding/json} does.
 */
final class InspectStruct extends AbstractMap<String, Object> {
  private record Field(String goName, String jsonName, Object value, boolean omitEmpty) {}

  private final Map<String, Field> byGoName = new LinkedHashMap<>();

  /** Adds a field whose JSON name is its Go name. */
  InspectStruct field(String name, Object value) {
    return field(name, name, value, false);
  }

  /** Adds a field tagged {@code json:",omitempty"}. */
  InspectStruct omitEmpty(String name, Object value) {
    return field(name, name, value, true);
  }

  /** Adds a field with its JSON name ({@code ID} as {@code "Id"}). */
  InspectStruct field(String goName, String jsonName, Object value, boolean omitEmpty) {
    byGoName.put(goName, new Field(goName, jsonName, value, omitEmpty));
    return this;
  }

  /** What {@code encoding/json} writes: JSON names, empty omitempty fields left out. */
  @Override
  public Set<Entry<String, Object>> entrySet() {
    Map<String, Object> json = new LinkedHashMap<>();
    for (Field f : byGoName.values()) {
      if (!(f.omitEmpty() && isEmpty(f.value()))) {
        json.put(f.jsonName(), f.value());
      }
    }
    return json.entrySet();
  }

  /** Field access by Go name, as templates do. */
  @Override
  public Object get(Object goName) {
    Field f = byGoName.get(goName);
    return f == null ? null : f.value();
  }

  @Override
  public boolean containsKey(Object goName) {
    return byGoName.containsKey(goName);
  }

  /** Go's notion of empty for omitempty; a struct value stands for a non-nil pointer. */
  private static boolean isEmpty(Object v) {
    if (v == null || v instanceof GoNil) {
      return true;
    }
    if (v instanceof InspectStruct) {
      return false;
    }
    if (v instanceof String s) {
      return s.isEmpty();
    }
    if (v instanceof Boolean b) {
      return !b;
    }
    if (v instanceof Number n) {
      return n.doubleValue() == 0;
    }
    if (v instanceof Collection<?> c) {
      return c.isEmpty();
    }
    return v instanceof Map<?, ?> m && m.isEmpty();
  }
}
