package io.jdock.registry.progress;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HumanSizeTest {
  @ParameterizedTest
  @CsvSource({
    "0, 0B",
    "999, 999B",
    "1000, 1kB",
    "1234, 1.234kB",
    "123456, 123.5kB",
    "1200000, 1.2MB",
    "30000000, 30MB",
    "29999999, 30MB",
    "72400000, 72.4MB",
    "1500000000, 1.5GB",
  })
  void formatsLikeDockerUnits(long bytes, String text) {
    assertThat(HumanSize.of(bytes)).isEqualTo(text);
  }
}
