package io.jdock.cli.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The abbreviation Go prints for a zone ({@code CET}, {@code EDT}, {@code +04}): Go reads it from
 * the tz database, so it is read from the same TZif file here; Java's own names ({@code GST} for
 * Asia/Dubai) are only the fallback.
 */
final class ZoneNames {
  private ZoneNames() {}

  static String abbreviation(ZoneId zone, Instant t, String numericOffset) {
    String id = zone.getId();
    if (id.equals("Z") || id.equals("UTC") || id.equals("Etc/UTC") || id.equals("GMT")) {
      return id.equals("GMT") ? "GMT" : "UTC";
    }
    if (zone instanceof ZoneOffset) {
      // Go names a fixed zone without a name by its offset.
      return numericOffset;
    }
    int offset = zone.getRules().getOffset(t).getTotalSeconds();
    boolean dst = zone.getRules().isDaylightSavings(t);
    try {
      byte[] tzif = Files.readAllBytes(Path.of("/usr/share/zoneinfo", id));
      String name = fromTzif(ByteBuffer.wrap(tzif), t.getEpochSecond(), offset, dst);
      if (name != null) {
        return name;
      }
    } catch (IOException | RuntimeException e) {
      // No readable tz database: fall back to Java's names.
    }
    return zone.getDisplayName(TextStyle.SHORT, Locale.ROOT);
  }

  /** Finds the abbreviation of the local time type in force at {@code epoch}. */
  private static String fromTzif(ByteBuffer b, long epoch, int offset, boolean dst) {
    if (b.getInt(0) != 0x545a6966) { // "TZif"
      return null;
    }
    int version = b.get(4);
    int start = 0;
    int timeSize = 4;
    if (version >= '2') {
      start = 44 + dataLength(b, 0, 4);
      timeSize = 8;
    }
    int timecnt = b.getInt(start + 32);
    int typecnt = b.getInt(start + 36);
    int base = start + 44;
    int idxBase = base + timecnt * timeSize;
    int typeBase = idxBase + timecnt;
    int charBase = typeBase + typecnt * 6;
    int current = -1;
    for (int i = 0; i < timecnt; i++) {
      long when = timeSize == 8 ? b.getLong(base + i * 8) : b.getInt(base + i * 4);
      if (when <= epoch) {
        current = b.get(idxBase + i) & 0xff;
      }
    }
    if (current >= 0 && b.getInt(typeBase + current * 6) == offset) {
      return name(b, charBase, b.get(typeBase + current * 6 + 5) & 0xff);
    }
    for (int i = typecnt - 1; i >= 0; i--) {
      boolean typeDst = b.get(typeBase + i * 6 + 4) != 0;
      if (b.getInt(typeBase + i * 6) == offset && typeDst == dst) {
        return name(b, charBase, b.get(typeBase + i * 6 + 5) & 0xff);
      }
    }
    return null;
  }

  private static int dataLength(ByteBuffer b, int header, int timeSize) {
    int isut = b.getInt(header + 20);
    int isstd = b.getInt(header + 24);
    int leap = b.getInt(header + 28);
    int timecnt = b.getInt(header + 32);
    int typecnt = b.getInt(header + 36);
    int charcnt = b.getInt(header + 40);
    return timecnt * timeSize
        + timecnt
        + typecnt * 6
        + charcnt
        + leap * (timeSize + 4)
        + isstd
        + isut;
  }

  private static String name(ByteBuffer b, int charBase, int index) {
    StringBuilder sb = new StringBuilder();
    for (int i = charBase + index; b.get(i) != 0; i++) {
      sb.append((char) b.get(i));
    }
    return sb.toString();
  }
}
