package io.jdock.cli.format;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * docker's human-readable units ({@code github.com/docker/go-units}: size.go, duration.go) and Go's
 * renderings of a {@code time.Time}, as docker's columns and inspect output show them.
 *
 * <pre>{@code
 * Units.humanSizeWithPrecision(77_900_000, 3)   // "77.9MB"   (docker images SIZE)
 * Units.humanDuration(Duration.ofHours(49))     // "2 days"   (CREATED = this + " ago")
 * Units.goTimeString(created)                   // "2021-03-04 03:24:42 +0100 CET"
 * Units.rfc3339Nano(created)                    // "2021-03-04T02:24:42.1234Z"
 * }</pre>
 */
public final class Units {
  private static final String[] DECIMAL = {"B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
  private static final String[] BINARY = {
    "B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"
  };

  private Units() {}

  /** {@code units.HumanSize}: decimal units, 4 significant digits ({@code 1.049MB}). */
  public static String humanSize(double size) {
    return humanSizeWithPrecision(size, 4);
  }

  /**
   * {@code units.HumanSizeWithPrecision}: decimal units (1000) and Go's {@code %.*g}, so 999,999
   * bytes at precision 3 is {@code 1e+03kB}, as docker prints it.
   */
  public static String humanSizeWithPrecision(double size, int precision) {
    return custom(size, 1000.0, DECIMAL, precision);
  }

  /** {@code units.BytesSize}: binary units (1024), 4 significant digits ({@code 3.42GiB}). */
  public static String bytesSize(double size) {
    return custom(size, 1024.0, BINARY, 4);
  }

  private static String custom(double size, double base, String[] units, int precision) {
    int i = 0;
    while (size >= base && i < units.length - 1) {
      size = size / base;
      i++;
    }
    return GoFloat.format(size, 'g', precision, 64) + units[i];
  }

  /**
   * {@code units.HumanDuration}: {@code Less than a second}, {@code 1 second}, {@code N seconds},
   * {@code About a minute}, {@code N minutes}, {@code About an hour}, {@code N hours}, {@code N
   * days}, {@code N weeks}, {@code N months}, {@code N years}.
   */
  public static String humanDuration(Duration d) {
    double nanos = d.getSeconds() * 1e9 + d.getNano();
    long seconds = (long) (nanos / 1e9);
    if (seconds < 1) {
      return "Less than a second";
    } else if (seconds == 1) {
      return "1 second";
    } else if (seconds < 60) {
      return seconds + " seconds";
    }
    long minutes = (long) (nanos / 6e10);
    if (minutes == 1) {
      return "About a minute";
    } else if (minutes < 60) {
      return minutes + " minutes";
    }
    double exactHours = nanos / 3.6e12;
    long hours = (long) (exactHours + 0.5);
    if (hours == 1) {
      return "About an hour";
    } else if (hours < 48) {
      return hours + " hours";
    } else if (hours < 24 * 7 * 2) {
      return hours / 24 + " days";
    } else if (hours < 24 * 30 * 2) {
      return hours / 24 / 7 + " weeks";
    } else if (hours < 24 * 365 * 2) {
      return hours / 24 / 30 + " months";
    }
    return (long) exactHours / 24 / 365 + " years";
  }

  /** docker's CREATED column: {@code humanDuration(now - created) + " ago"}. */
  public static String createdSince(Instant created, Instant now) {
    return humanDuration(Duration.between(created, now)) + " ago";
  }

  /** Go's {@code time.Time.String()} in the local zone: {@code 2021-03-04 03:24:42 +0100 CET}. */
  public static String goTimeString(Instant t) {
    return goTimeString(t, ZoneId.systemDefault());
  }

  /**
   * Go's {@code time.Time.String()}: {@code 2006-01-02 15:04:05.999999999 -0700 MST}, the fraction
   * without trailing zeros, the zone's abbreviation from the system's tz database.
   */
  public static String goTimeString(Instant t, ZoneId zone) {
    ZonedDateTime z = t.atZone(zone);
    int offset = z.getOffset().getTotalSeconds();
    String sign = offset < 0 ? "-" : "+";
    int abs = Math.abs(offset);
    String numeric = String.format("%s%02d%02d", sign, abs / 3600, abs / 60 % 60);
    return dateTime(z.toLocalDateTime(), ' ')
        + fraction(t.getNano())
        + " "
        + numeric
        + " "
        + ZoneNames.abbreviation(zone, t, numeric);
  }

  /** Go's {@code time.RFC3339Nano} of a UTC time: {@code 2022-02-04T21:20:12.497794809Z}. */
  public static String rfc3339Nano(Instant t) {
    return dateTime(LocalDateTime.ofInstant(t, ZoneOffset.UTC), 'T') + fraction(t.getNano()) + "Z";
  }

  private static String dateTime(LocalDateTime d, char sep) {
    return String.format(
        "%04d-%02d-%02d%c%02d:%02d:%02d",
        d.getYear(),
        d.getMonthValue(),
        d.getDayOfMonth(),
        sep,
        d.getHour(),
        d.getMinute(),
        d.getSecond());
  }

  private static String fraction(int nanos) {
    if (nanos == 0) {
      return "";
    }
    String f = String.format("%09d", nanos);
    int end = f.length();
    while (f.charAt(end - 1) == '0') {
      end--;
    }
    return "." + f.substring(0, end);
  }
}
