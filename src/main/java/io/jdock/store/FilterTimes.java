package io.jdock.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time of an {@code until} filter, read as docker's {@code GetTimestamp} reads it
 * (api/types/time/timestamp.go): a Go duration before now ({@code 10m}, {@code 1h30m}), an RFC 3339
 * date or time with or without zone and seconds ({@code 2024-01-02}, {@code 2024-01-02T15:04},
 * {@code 2024-01-02T15:04:05.5+01:00}; without a zone in the local one), or Unix seconds ({@code
 * 1704164645.5}).
 */
final class FilterTimes {
  private static final Pattern DURATION_PART =
      Pattern.compile("([0-9]*(?:\\.[0-9]*)?)(ns|us|µs|μs|ms|s|m|h)");
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "(\\d{4})-(\\d{2})-(\\d{2})(?:T(\\d{2})(?::(\\d{2})(?::(\\d{2})(\\.\\d{1,9})?)?)?)?"
              + "(Z|[+-]\\d{2}:\\d{2})?");
  private static final Pattern UNIX = Pattern.compile("(\\+?\\d+)(?:\\.(\\d+))?");

  private FilterTimes() {}

  /** The instant {@code value} names, durations counted back from {@code now}. */
  static Instant parse(String value, Instant now, ZoneId zone) throws InvalidFilterException {
    if (!value.equals("0")) {
      BigDecimal nanos = durationNanos(value);
      if (nanos != null) {
        // docker keeps whole seconds of a duration: reference.Add(-d).Unix().
        return Instant.ofEpochSecond(now.minusNanos(nanos.longValue()).getEpochSecond());
      }
    }
    boolean inLocation =
        !(value.chars().anyMatch(c -> c == 'z' || c == 'Z' || c == '+')
            || value.chars().filter(c -> c == '-').count() == 3);
    Matcher m = DATE_TIME.matcher(value);
    if (m.matches() && (m.group(8) == null) == inLocation && !value.contains("z")) {
      return dateTime(value, m, zone, now);
    }
    if (value.contains("-")) {
      // docker: "it was probably an RFC 3339 like timestamp but the parser failed".
      throw new InvalidFilterException(
          "parsing time "
              + quote(value)
              + " as "
              + quote(layout(value, inLocation))
              + ": cannot parse");
    }
    Matcher unix = UNIX.matcher(value);
    if (!unix.matches()) {
      throw new InvalidFilterException(
          "failed to parse value as time or duration: " + quote(value));
    }
    long seconds = Long.parseLong(unix.group(1));
    String fraction = unix.group(2);
    long nanos = 0;
    if (fraction != null) {
      // docker scales the digits to nanoseconds: ".5" is 500ms.
      nanos = new BigDecimal("0." + fraction).movePointRight(9).longValue();
    }
    return Instant.ofEpochSecond(seconds, nanos);
  }

  private static Instant dateTime(String value, Matcher m, ZoneId zone, Instant now)
      throws InvalidFilterException {
    int year = Integer.parseInt(m.group(1));
    int month = Integer.parseInt(m.group(2));
    int day = Integer.parseInt(m.group(3));
    int hour = number(m.group(4));
    int minute = number(m.group(5));
    int second = number(m.group(6));
    String outOfRange =
        month < 1 || month > 12
            ? "month"
            : day < 1 || day > YearMonth.of(year, month).lengthOfMonth()
                ? "day"
                : hour > 23 ? "hour" : minute > 59 ? "minute" : second > 59 ? "second" : null;
    if (outOfRange != null) {
      throw new InvalidFilterException(
          "parsing time " + quote(value) + ": " + outOfRange + " out of range");
    }
    int nanos = m.group(7) == null ? 0 : new BigDecimal(m.group(7)).movePointRight(9).intValue();
    ZoneOffset offset =
        m.group(8) == null
            ? zone.getRules().getOffset(now)
            : m.group(8).equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(m.group(8));
    return LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(offset);
  }

  private static int number(String digits) {
    return digits == null ? 0 : Integer.parseInt(digits);
  }

  /** The Go layout docker picks for a value (named in its parse errors). */
  private static String layout(String value, boolean inLocation) {
    if (value.contains(".")) {
      return inLocation ? "2006-01-02T15:04:05.999999999" : "2006-01-02T15:04:05.999999999Z07:00";
    }
    if (value.contains("T")) {
      long colons = value.chars().filter(c -> c == ':').count();
      if (!inLocation && !value.contains("Z") && !value.contains("z") && colons > 0) {
        colons--;
      }
      String time = colons == 0 ? "15" : colons == 1 ? "15:04" : "15:04:05";
      return "2006-01-02T" + time + (inLocation ? "" : "Z07:00");
    }
    return inLocation ? "2006-01-02" : "2006-01-02Z07:00";
  }

  /** Go's time.ParseDuration in nanoseconds, or null when the value is no duration. */
  private static BigDecimal durationNanos(String value) {
    String s = value;
    boolean negative = false;
    if (s.startsWith("-") || s.startsWith("+")) {
      negative = s.charAt(0) == '-';
      s = s.substring(1);
    }
    if (s.isEmpty()) {
      return null;
    }
    Matcher m = DURATION_PART.matcher(s);
    BigDecimal total = BigDecimal.ZERO;
    int at = 0;
    while (at < s.length()) {
      if (!m.find(at) || m.start() != at || m.group(1).isEmpty() || m.group(1).equals(".")) {
        return null;
      }
      total = total.add(new BigDecimal(m.group(1)).multiply(unitNanos(m.group(2))));
      at = m.end();
    }
    return negative ? total.negate() : total;
  }

  private static BigDecimal unitNanos(String unit) {
    long n =
        switch (unit) {
          case "ns" -> 1L;
          case "us", "µs", "μs" -> 1_000L;
          case "ms" -> 1_000_000L;
          case "s" -> 1_000_000_000L;
          case "m" -> 60_000_000_000L;
          default -> 3_600_000_000_000L;
        };
    return BigDecimal.valueOf(n);
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
