package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * docker's GetTimestamp (api/types/time/timestamp.go) for {@code until}: now is 2024-06-01 12:00
 * UTC and the local zone Europe/Paris (+02:00 then, which docker also uses for a winter date).
 */
class FilterTimesTest {
  private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      10m                            | 2024-06-01T11:50:00Z
      1h30m                          | 2024-06-01T10:30:00Z
      1.5h                           | 2024-06-01T10:30:00Z
      -1h                            | 2024-06-01T13:00:00Z
      300ms                          | 2024-06-01T11:59:59Z
      2024-01-02                     | 2024-01-01T22:00:00Z
      2024-01-02Z                    | 2024-01-02T00:00:00Z
      2024-01-02+01:00               | 2024-01-01T23:00:00Z
      2024-01-02-05:00               | 2024-01-02T05:00:00Z
      2024-01-02T15                  | 2024-01-02T13:00:00Z
      2024-01-02T15:04               | 2024-01-02T13:04:00Z
      2024-01-02T15:04:05            | 2024-01-02T13:04:05Z
      2024-01-02T15:04:05.5          | 2024-01-02T13:04:05.500Z
      2024-01-02T15Z                 | 2024-01-02T15:00:00Z
      2024-01-02T15:04+01:00         | 2024-01-02T14:04:00Z
      2024-01-02T15:04:05.123456789Z | 2024-01-02T15:04:05.123456789Z
      1704164645                     | 2024-01-02T03:04:05Z
      1704164645.5                   | 2024-01-02T03:04:05.500Z
      +1704164645                    | 2024-01-02T03:04:05Z
      0                              | 1970-01-01T00:00:00Z
      """)
  void parses(String value, String expected) throws InvalidFilterException {
    assertThat(FilterTimes.parse(value, NOW, PARIS)).isEqualTo(Instant.parse(expected));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      yesterday        | failed to parse value as time or duration: "yesterday"
      10x              | failed to parse value as time or duration: "10x"
      1.               | failed to parse value as time or duration: "1."
      2024-13-01       | parsing time "2024-13-01": month out of range
      2023-02-29       | parsing time "2023-02-29": day out of range
      2024-01-02T25:00 | parsing time "2024-01-02T25:00": hour out of range
      2024-01-02T10:61 | parsing time "2024-01-02T10:61": minute out of range
      2024-01          | parsing time "2024-01" as "2006-01-02": cannot parse
      -5               | parsing time "-5" as "2006-01-02": cannot parse
      2024-01-02T1:2z  | parsing time "2024-01-02T1:2z" as "2006-01-02T15:04Z07:00": cannot parse
      """)
  void refuses(String value, String message) {
    assertThatThrownBy(() -> FilterTimes.parse(value, NOW, PARIS))
        .isInstanceOf(InvalidFilterException.class)
        .hasMessage(message);
  }
}
