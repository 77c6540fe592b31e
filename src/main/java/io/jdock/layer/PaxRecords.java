package io.jdock.layer;

import io.jdock.oci.InvalidContentException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the records of PAX extended headers from their raw bytes
 * (https://pubs.opengroup.org/onlinepubs/9699919799/utilities/pax.html#tag_20_92_13_03). Values
 * stay bytes: {@code SCHILY.xattr.*} values are binary ({@code security.capability}), and Commons
 * Compress, which decodes them as UTF-8, corrupts them.
 */
final class PaxRecords {
  static final String XATTR_PREFIX = "SCHILY.xattr.";

  private PaxRecords() {}

  /** Every record of {@code data[0, length)}, key to raw value; a later record for a key wins. */
  static Map<String, byte[]> parse(byte[] data, int length, String tarName)
      throws InvalidContentException {
    Map<String, byte[]> records = new LinkedHashMap<>();
    int pos = 0;
    while (pos < length && data[pos] != 0) {
      int space = indexOf(data, (byte) ' ', pos, length);
      int recordLength = parseLength(data, pos, space, tarName);
      int end = pos + recordLength;
      if (recordLength <= space - pos + 1 || end > length || data[end - 1] != '\n') {
        throw invalid(tarName);
      }
      int equals = indexOf(data, (byte) '=', space + 1, end);
      if (equals == end) {
        throw invalid(tarName);
      }
      String key = new String(data, space + 1, equals - space - 1, StandardCharsets.UTF_8);
      records.put(key, Arrays.copyOfRange(data, equals + 1, end - 1));
      pos = end;
    }
    return records;
  }

  /** The {@code SCHILY.xattr.NAME} records as NAME to value. */
  static Map<String, byte[]> xattrs(Map<String, byte[]> records, String tarName)
      throws InvalidContentException {
    Map<String, byte[]> xattrs = new LinkedHashMap<>();
    for (Map.Entry<String, byte[]> r : records.entrySet()) {
      if (r.getKey().startsWith(XATTR_PREFIX)) {
        String name = r.getKey().substring(XATTR_PREFIX.length());
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
          throw new InvalidContentException(
              "invalid layer entry \"" + tarName + "\": invalid xattr name \"" + name + "\"");
        }
        xattrs.put(name, r.getValue());
      }
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
