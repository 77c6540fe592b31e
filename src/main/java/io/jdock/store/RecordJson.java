package io.jdock.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.jdock.oci.InvalidContentException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The JSON of container and mount records: times as RFC 3339 strings, paths as plain strings,
 * pretty-printed so that a person can read a record with {@code cat}.
 */
final class RecordJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(SerializationFeature.INDENT_OUTPUT, true)
          .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
          .registerModule(module());

  private RecordJson() {}

  static <T> T read(byte[] raw, Class<T> type, String what) throws InvalidContentException {
    try {
      return MAPPER.readValue(raw, type);
    } catch (IOException | RuntimeException e) {
      throw new InvalidContentException("invalid " + what + ": " + e.getMessage(), e);
    }
  }

  static byte[] write(Object record) {
    try {
      return MAPPER.writeValueAsBytes(record);
    } catch (IOException e) {
      throw new IllegalStateException("cannot serialise " + record.getClass().getSimpleName(), e);
    }
  }

  private static SimpleModule module() {
    SimpleModule module = new SimpleModule("jdock-records");
    module.addSerializer(Instant.class, new AsString<>(Instant.class));
    module.addDeserializer(
        Instant.class,
        new JsonDeserializer<>() {
          @Override
          public Instant deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            try {
              return Instant.parse(p.getValueAsString());
            } catch (DateTimeParseException e) {
              throw ctx.weirdStringException(p.getValueAsString(), Instant.class, e.getMessage());
            }
          }
        });
    module.addSerializer(Path.class, new AsString<>(Path.class));
    module.addDeserializer(
        Path.class,
        new JsonDeserializer<>() {
          @Override
          public Path deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            return Path.of(p.getValueAsString());
          }
        });
    return module;
  }

  private static final class AsString<T> extends StdSerializer<T> {
    AsString(Class<T> type) {
      super(type);
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeString(value.toString());
    }
  }
}
