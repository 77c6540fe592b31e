package io.jdock.layer;

import io.jdock.oci.InvalidContentException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code SCHILY.xattr.NAME=VALUE} records from the raw bytes of PAX extended headers
 * (https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html#tag_20_92_13_03). Values are
 * binary ({@code security.capability}), so they are taken as bytes: Commons Compress decodes them
 * as UTF-8, which corrupts them.
 */
final class PaxXattrs {
  static final String PREFIX = "SCHILY.xattr.";

  private PaxXattrs() {}

  /** The xattrs of the records in {@code data[0, length)}; a later record for a name wins. */
  static Map<String, byte[]> parse(byte[] data, int length, String tarName)
      throws InvalidContentException {
    Map<String, byte[]> xattrs = new LinkedHashMap<>();
    int pos = 0;
    while (pos < length && data[pos] != 0) {
      int space = indexOf(data, (byte) ' ', pos, length);
      int recordLength = parseLength(data, pos, space, tarName);
      int end = pos + recordLength;
      if (recordLength <= space - pos + 1 || end > length || data[end - 1] != '\n') {
        throw invalid(tarName);
      }
      int equals = indexOf(data, (byte) '=', space + 1, end);
      String key = new String(data, space + 1, equals - space - 1, StandardCharsets.UTF_8);
      if (key.startsWith(PREFIX)) {
        String name = key.substring(PREFIX.length());
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
          throw new InvalidContentException(
              "invalid layer entry \"" + tarName + "\": invalid xattr name \"" + name + "\"");
        }
        xattrs.put(name, Arrays.copyOfRange(data, equals + 1, end - 1));
      }
      pos = end;
    }
    return xattrs;
  }

  private static int parseLength(byte[] data, int from, int to, String tarName)
      throws InvalidContentException {
    if (to == from || to - from > 9) {
      throw invalid(tarName);
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      if (data[i] < '0' || data[i] > '9') {
        throw invalid(tarName);
      }
      value = value * 10 + (data[i] - '0');
    }
    return value;
  }

  private static int indexOf(byte[] data, byte b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (data[i] == b) {
        return i;
      }
    }
    return to;
  }

  private static InvalidContentException invalid(String tarName) {
    return new InvalidContentException("invalid PAX header before layer entry \"" + tarName + "\"");
  }
}
