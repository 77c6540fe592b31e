package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.ContainerConfig;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConfigChangesTest {
  private static final ContainerConfig BASE =
      ContainerConfig.EMPTY
          .withCmd(List.of("/bin/bash"))
          .withEnv(List.of("PATH=/bin", "A=1"))
          .withWorkingDir("/app");

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "CMD [\"cat\",\"/f\"]|cat,/f",
        "CMD echo hi there|/bin/sh,-c,echo hi there",
        "cmd [not json|/bin/sh,-c,[not json"
      })
  void cmdInExecOrShellForm(String change, String expected) throws Exception {
    assertThat(ConfigChanges.apply(BASE, List.of(change)).cmd())
        .containsExactly(expected.split(","));
  }

  @Test
  void entrypointClearsACmdNotSetByAChange() throws Exception {
    ContainerConfig c = ConfigChanges.apply(BASE, List.of("ENTRYPOINT [\"/e\"]"));
    assertThat(c.entrypoint()).containsExactly("/e");
    assertThat(c.cmd()).isNull();
    c = ConfigChanges.apply(BASE, List.of("CMD [\"x\"]", "ENTRYPOINT [\"/e\"]"));
    assertThat(c.cmd()).containsExactly("x");
  }

  @Test
  void envLabelExposeVolumeUserWorkdirStopsignalOnbuild() throws Exception {
    ContainerConfig c =
        ConfigChanges.apply(
            BASE,
            List.of(
                "ENV A=2 B=\"two words\"",
                "ENV LEGACY value with spaces",
                "LABEL org.x=1 \"quoted key\"=v",
                "EXPOSE 80 53/udp",
                "VOLUME [\"/data\", \"/logs\"]",
                "USER app:app",
                "WORKDIR sub",
                "STOPSIGNAL SIGINT",
                "ONBUILD RUN make"));
    assertThat(c.env())
        .containsExactly("PATH=/bin", "A=2", "B=two words", "LEGACY=value with spaces");
    assertThat(c.labels()).isEqualTo(Map.of("org.x", "1", "quoted key", "v"));
    assertThat(c.exposedPorts()).containsOnlyKeys("80/tcp", "53/udp");
    assertThat(c.volumes()).containsOnlyKeys("/data", "/logs");
    assertThat(c.user()).isEqualTo("app:app");
    assertThat(c.workingDir()).isEqualTo("/app/sub");
    assertThat(c.stopSignal()).isEqualTo("SIGINT");
    assertThat(c.onBuild()).containsExactly("RUN make");
    assertThat(c.cmd()).containsExactly("/bin/bash");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "RUN apt-get update|RUN is not a valid change command",
        "FROM debian|FROM is not a valid change command",
        "ENV =x|can't find = in",
        "ENV A|ENV names can not be blank"
      })
  void refusesWhatCommitCannotChange(String change, String message) {
    assertThatThrownBy(() -> ConfigChanges.apply(BASE, List.of(change)))
        .isInstanceOf(ContainerException.class)
        .hasMessageContaining(message);
  }
}
