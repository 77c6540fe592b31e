package io.jdock.cli.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Cases from go-units' size_test.go and duration_test.go, and docker's images column. */
class UnitsTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0B",
    "10, 10B",
    "999, 999B",
    "1000, 1kB",
    "1024, 1.024kB",
    "1000000, 1MB",
    "1048576, 1.049MB",
    "2000000, 2MB",
    "3420000000, 3.42GB",
    "5372000000000, 5.372TB",
    "2220000000000000, 2.22PB",
    "1.0E28, 1e+04YB",
  })
  void humanSize(double size, String expected) {
    assertThat(Units.humanSize(size)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0B",
    "10, 10B",
    "1840, 1.84kB",
    "10000, 10kB",
    "15000, 15kB",
    "253000000, 253MB",
    "77900000, 77.9MB",
    "72900000, 72.9MB",
    "5610000, 5.61MB",
    "999499, 999kB",
    "999500, 1e+03kB",
    "999999, 1e+03kB",
    "1000000, 1MB",
    "1234567, 1.23MB",
    "1235000, 1.24MB",
  })
  void dockerImagesSize(double size, String expected) {
    assertThat(Units.humanSizeWithPrecision(size, 3)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "1024, 1KiB",
    "1048576, 1MiB",
    "2097152, 2MiB",
    "3672204083.2, 3.42GiB",
    "5906513046044.672, 5.372TiB",
    "2499495588591288.5, 2.22PiB",
  })
  void bytesSize(double size, String expected) {
    assertThat(Units.bytesSize(size)).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "PT0.45S, Less than a second",
    "PT0S, Less than a second",
    "PT-5S, Less than a second",
    "PT1S, 1 second",
    "PT1.999S, 1 second",
    "PT45S, 45 seconds",
    "PT59S, 59 seconds",
    "PT60S, About a minute",
    "PT1M59S, About a minute",
    "PT3M, 3 minutes",
    "PT35M40S, 35 minutes",
    "PT59M59S, 59 minutes",
    "PT1H, About an hour",
    "PT1H29M, About an hour",
    "PT1H31M, 2 hours",
    "PT3H29M, 3 hours",
    "PT3H31M, 4 hours",
    "PT24H, 24 hours",
    "PT36H, 36 hours",
    "PT47H29M, 47 hours",
    "PT47H31M, 2 days",
    "P2D, 2 days",
    "P7D, 7 days",
    "P13DT5H, 13 days",
    "P14D, 2 weeks",
    "P18D, 2 weeks",
    "P30D, 4 weeks",
    "P44D, 6 weeks",
    "P60D, 2 months",
    "P97D, 3 months",
    "P390D, 13 months",
    "P720D, 24 months",
    "P734D, 2 years",
    "P1155D, 3 years",
  })
  void humanDuration(Duration d, String expected) {
    assertThat(Units.humanDuration(d)).isEqualTo(expected);
  }

  @Test
  void createdSince() {
    Instant now = Instant.parse("2024-01-10T00:00:00Z");
    assertThat(Units.createdSince(now.minus(Duration.ofHours(24)), now)).isEqualTo("24 hours ago");
  }

  @ParameterizedTest
  @CsvSource({
    "2021-03-04T02:24:42Z, Europe/Berlin, 2021-03-04 03:24:42 +0100 CET",
    "2021-07-04T02:24:42Z, Europe/Berlin, 2021-07-04 04:24:42 +0200 CEST",
    "2021-03-04T02:24:42.5Z, America/New_York, 2021-03-03 21:24:42.5 -0500 EST",
    "2021-03-04T02:24:42.000001Z, UTC, 2021-03-04 02:24:42.000001 +0000 UTC",
    "0001-01-01T00:00:00Z, UTC, 0001-01-01 00:00:00 +0000 UTC",
    "2021-03-04T02:24:42Z, Asia/Dubai, 2021-03-04 06:24:42 +0400 +04",
    "2021-03-04T02:24:42Z, Asia/Kolkata, 2021-03-04 07:54:42 +0530 IST",
  })
  void goTimeString(Instant t, String zone, String expected) {
    assertThat(Units.goTimeString(t, ZoneId.of(zone))).isEqualTo(expected);
  }

  @Test
  void fixedOffsetZonesAreNamedByTheirOffset() {
    Instant t = Instant.parse("2021-03-04T02:24:42Z");
    assertThat(Units.goTimeString(t, ZoneOffset.ofHours(2)))
        .isEqualTo("2021-03-04 04:24:42 +0200 +0200");
  }

  @ParameterizedTest
  @CsvSource({
    "2022-02-04T21:20:12.497794809Z, 2022-02-04T21:20:12.497794809Z",
    "2022-02-04T21:20:12.490Z, 2022-02-04T21:20:12.49Z",
    "2022-02-04T21:20:12Z, 2022-02-04T21:20:12Z",
    "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
  })
  void rfc3339Nano(Instant t, String expected) {
    assertThat(Units.rfc3339Nano(t)).isEqualTo(expected);
  }
}
