package io.jdock.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jdock.oci.ContainerConfig;
import io.jdock.oci.OciJson;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DockerfileChangesTest {
  static String configJson(String... changes) throws InvalidChangeException {
    ContainerConfig config = DockerfileChanges.apply(ContainerConfig.EMPTY, List.of(changes));
    // Map entries sorted, as ImportConfig (and Go) writes them.
    try {
      return OciJson.mapper()
          .writer()
          .with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .writeValueAsString(config);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      textBlock =
          """
          CMD ["/bin/bash","-l"]               | {"Cmd":["/bin/bash","-l"]}
          cmd echo hi there                    | {"Cmd":["/bin/sh","-c","echo hi there"]}
          ENTRYPOINT ["/init"]                 | {"Entrypoint":["/init"]}
          ENTRYPOINT exec /init                | {"Entrypoint":["/bin/sh","-c","exec /init"]}
          ENV A=1 B="two words" C=\\$x         | {"Env":["A=1","B=two words","C=$x"]}
          ENV LEGACY the whole rest            | {"Env":["LEGACY=the whole rest"]}
          LABEL "com.example.v"="1.0" k=v      | {"Labels":{"com.example.v":"1.0","k":"v"}}
          EXPOSE 80 53/udp 8000-8001/tcp       | {"ExposedPorts":{"53/udp":{},"80/tcp":{},"8000/tcp":{},"8001/tcp":{}}}
          WORKDIR /srv                         | {"WorkingDir":"/srv"}
          WORKDIR relative                     | {"WorkingDir":"/relative"}
          USER nobody:nogroup                  | {"User":"nobody:nogroup"}
          VOLUME ["/data", "/logs"]            | {"Volumes":{"/data":{},"/logs":{}}}
          VOLUME /a /b                         | {"Volumes":{"/a":{},"/b":{}}}
          STOPSIGNAL SIGINT                    | {"StopSignal":"SIGINT"}
          ONBUILD RUN make                     | {"OnBuild":["RUN make"]}
          `# a comment`                        | {}
          """)
  void appliesOneInstruction(String change, String json) throws Exception {
    assertThat(configJson(change)).isEqualTo(json);
  }

  @Test
  void appliesInOrderWithTheBuildersRules() throws Exception {
    assertThat(configJson("CMD [\"a\"]", "ENTRYPOINT [\"e\"]"))
        .as("a CMD set by the same changes survives ENTRYPOINT")
        .isEqualTo("{\"Entrypoint\":[\"e\"],\"Cmd\":[\"a\"]}");
    ContainerConfig base = ContainerConfig.EMPTY.withCmd(List.of("old"));
    assertThat(DockerfileChanges.apply(base, List.of("ENTRYPOINT [\"e\"]")).cmd())
        .as("an inherited CMD is cleared by ENTRYPOINT")
        .isNull();
    assertThat(configJson("WORKDIR /srv", "WORKDIR app", "WORKDIR ../lib"))
        .isEqualTo("{\"WorkingDir\":\"/srv/lib\"}");
    assertThat(configJson("ENV HOME=/root", "WORKDIR $HOME/x", "ENV P=${HOME}:'$HOME'"))
        .isEqualTo("{\"Env\":[\"HOME=/root\",\"P=/root:$HOME\"],\"WorkingDir\":\"/root/x\"}");
    assertThat(configJson("ENV A=1", "ENV A=2 B=3")).isEqualTo("{\"Env\":[\"A=2\",\"B=3\"]}");
    assertThat(configJson("ENV A=1 \\\n  B=2")).isEqualTo("{\"Env\":[\"A=1\",\"B=2\"]}");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          FROM scratch      | FROM is not a valid change command
          run make          | run is not a valid change command
          CMD               | CMD requires at least one argument
          HEALTHCHECK NONE  | HEALTHCHECK is not supported by jdock import
          ENV A             | ENV must have two arguments
          ENV A=1 B         | Syntax error - can't find = in "B". Must be of the form: name=value
          EXPOSE 80/xtp     | invalid containerPort: 80/xtp
          EXPOSE 70000      | invalid containerPort: 70000
          EXPOSE 90-80      | invalid range specified for container port: 90-80
          LABEL a="open     | unexpected end of statement while looking for matching "
          """)
  void refusesWhatDockerRefuses(String change, String message) {
    assertThatThrownBy(() -> configJson(change))
        .isInstanceOf(InvalidChangeException.class)
        .hasMessage(message);
  }

  @Test
  void checksEveryChangeBeforeApplyingAny() {
    assertThatThrownBy(() -> configJson("CMD [\"ok\"]", "COPY . /"))
        .hasMessage("COPY is not a valid change command");
  }
}
