package io.jdock.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;

/** The one JSON mapper for OCI content: unknown fields ignored on read, compact on write. */
public final class OciJson {
  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private OciJson() {}

  /** The shared mapper (thread-safe). */
  public static ObjectMapper mapper() {
    return MAPPER;
  }

  /** Reads {@code raw} as {@code type}; a parse failure names {@code what}. */
  public static <T> T read(byte[] raw, Class<T> type, String what) throws InvalidContentException {
    try {
      T value = MAPPER.readValue(raw, type);
      if (value == null) {
        throw new InvalidContentException("invalid " + what + ": empty");
      }
      return value;
    } catch (IOException e) {
      throw new InvalidContentException("invalid " + what + ": " + firstLine(e.getMessage()), e);
    }
  }

  /** Serialises {@code value} compactly (the form jdock writes for new content). */
  public static byte[] write(Object value) {
    try {
      return MAPPER.writeValueAsBytes(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "malformed JSON";
    }
    int nl = message.indexOf('\n');
    return nl >= 0 ? message.substring(0, nl) : message;
  }
}
