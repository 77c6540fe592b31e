package io.jdock.cli.format;

import java.util.AbstractMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One row of a formatter, as docker's formatter contexts ({@code *formatter.imageContext}) are: a
 * struct whose fields are the row's entries. Unlike a plain map, a missing field is an error
 * ({@code can't evaluate field Foo in type *formatter.imageContext}), and {@code {{json .}}} gives
 * the fields with sorted keys and HTML-escaped strings, as docker's {@code MarshalJSON} of a
 * context does.
 */
final class Row extends AbstractMap<String, Object> {
  private final Map<String, ?> fields;
  private final String typeName;

  Row(Map<String, ?> fields, String typeName) {
    this.fields = Objects.requireNonNull(fields, "fields");
    this.typeName = typeName;
  }

  String typeName() {
    return typeName;
  }

  @Override
  @SuppressWarnings("unchecked")
  public Set<Entry<String, Object>> entrySet() {
    return (Set<Entry<String, Object>>) (Set<?>) fields.entrySet();
  }

  @Override
  public Object get(Object key) {
    return fields.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return fields.containsKey(key);
  }
}
