package io.jdock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.oci.ContainerConfig;
import io.jdock.oci.Digest;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ContainerState;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerRowsTest {
  private static final Instant NOW = Instant.parse("2024-06-01T12:00:00Z");
  private static final String ID = "3f4e5d6c7b8a" + "0".repeat(52);

  private static ContainerRecord record(ContainerState state, List<String> command) {
    return new ContainerRecord(
        ID,
        "happy_turing",
        Digest.sha256Hex("a".repeat(64)),
        Digest.sha256Hex("b".repeat(64)),
        "debian",
        NOW.minusSeconds(6 * 60),
        command,
        ContainerConfig.EMPTY,
        state,
        Path.of("/s/containers/" + ID + "/upper"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "bash|\"bash\"",
        "sh,-c,echo hi > /f; exit 3|\"sh -c 'echo hi > /f…\"",
        "/bin/sh,-c,mkdir x|\"/bin/sh -c 'mkdir x'\"",
        "echo,\"quoted\"|\"echo \\\"quoted\\\"\"",
        "docker-entrypoint.sh,postgres|\"docker-entrypoint.s…\""
      })
  void theCommandIsQuotedAndTruncatedToTwentyCharacters(String argv, String expected) {
    Map<String, Object> row =
        ContainerRows.row(
            record(new ContainerState.Created(), List.of(argv.split(","))), "debian", true, NOW);
    assertThat(row.get("Command")).isEqualTo(expected);
  }

  @Test
  void untruncatedCommandsAndIds() {
    Map<String, Object> row =
        ContainerRows.row(
            record(new ContainerState.Created(), List.of("sh", "-c", "echo hi > /f; exit 3")),
            "debian",
            false,
            NOW);
    assertThat(row.get("Command")).isEqualTo("\"sh -c 'echo hi > /f; exit 3'\"");
    assertThat(row.get("ID")).isEqualTo(ID);
  }

  @Test
  void statusCreatedAndNamesAsDockerShowsThem() {
    Map<String, Object> created =
        ContainerRows.row(
            record(new ContainerState.Created(), List.of("bash")), "debian", true, NOW);
    assertThat(created.get("Status")).isEqualTo("Created");
    assertThat(created.get("State")).isEqualTo("created");
    assertThat(created.get("RunningFor")).isEqualTo("6 minutes ago");
    assertThat(created.get("ID")).isEqualTo("3f4e5d6c7b8a");
    assertThat(created.get("Names")).isEqualTo("happy_turing");
    ContainerRecord up =
        record(new ContainerState.Running(42, NOW.minusSeconds(5 * 60)), List.of("bash"));
    assertThat(ContainerRows.status(up, NOW)).isEqualTo("Up 5 minutes");
    ContainerRecord exited =
        record(
            new ContainerState.Exited(0, NOW.minusSeconds(600), NOW.minusSeconds(6 * 60)),
            List.of("bash"));
    assertThat(ContainerRows.status(exited, NOW)).isEqualTo("Exited (0) 6 minutes ago");
    ContainerRecord justNow =
        record(new ContainerState.Exited(137, NOW.minusSeconds(3), NOW), List.of("bash"));
    assertThat(ContainerRows.status(justNow, NOW)).isEqualTo("Exited (137) Less than a second ago");
  }
}
