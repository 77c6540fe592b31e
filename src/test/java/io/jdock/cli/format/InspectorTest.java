package io.jdock.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectorTest {
  static Map<String, Object> image() {
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("Env", List.of("PATH=/usr/bin"));
    config.put("Cmd", List.of("bash"));
    config.put("Entrypoint", GoNil.SLICE);
    config.put("Labels", GoValues.stringMap(Map.of("maintainer", "me <m@x>")));
    Map<String, Object> img = new LinkedHashMap<>();
    img.put("Id", "sha256:abc");
    img.put("RepoTags", List.of("ubuntu:latest"));
    img.put("RepoDigests", List.of());
    img.put("Parent", "");
    img.put("Config", config);
    img.put("Size", 72_900_000L);
    img.put("Metadata", Map.of("LastTagTime", "0001-01-01T00:00:00Z"));
    return img;
  }

  private static String flush(Inspector inspector) throws FormatException {
    StringWriter sw = new StringWriter();
    inspector.flush(new PrintWriter(sw));
    return sw.toString();
  }

  @Test
  void indentedJsonArray() throws FormatException {
    Inspector inspector = Inspector.create("");
    inspector.add(image());
    assertThat(flush(inspector))
        .isEqualTo(
            """
            [
                {
                    "Id": "sha256:abc",
                    "RepoTags": [
                        "ubuntu:latest"
                    ],
                    "RepoDigests": [],
                    "Parent": "",
                    "Config": {
                        "Env": [
                            "PATH=/usr/bin"
                        ],
                        "Cmd": [
                            "bash"
                        ],
                        "Entrypoint": null,
                        "Labels": {
                            "maintainer": "me <m@x>"
                        }
                    },
                    "Size": 72900000,
                    "Metadata": {
                        "LastTagTime": "0001-01-01T00:00:00Z"
                    }
                }
            ]
            """);
  }

  @Test
  void indentLeavesStringsAlone() throws FormatException {
    Map<String, Object> obj = new LinkedHashMap<>();
    obj.put("a", "x\"}{,:[]\\y");
    obj.put("b", List.of());
    obj.put("c", Map.of());
    obj.put("d", List.of(1, Map.of("e", "\\")));
    Inspector inspector = Inspector.create("");
    inspector.add(obj);
    assertThat(flush(inspector))
        .isEqualTo(
            """
            [
                {
                    "a": "x\\"}{,:[]\\\\y",
                    "b": [],
                    "c": {},
                    "d": [
                        1,
                        {
                            "e": "\\\\"
                        }
                    ]
                }
            ]
            """);
  }

  @Test
  void emptyAndCompactAndEscaped() throws FormatException {
    assertThat(flush(Inspector.create(""))).isEqualTo("[]\n");
    Inspector compact = Inspector.create("json", true);
    compact.add(Map.of("A", "<none>"));
    compact.add(Map.of("B", List.of()));
    assertThat(flush(compact)).isEqualTo("[{\"A\":\"\\u003cnone\\u003e\"},{\"B\":[]}]\n");
  }

  @Test
  void templatePerObject() throws FormatException {
    Inspector inspector =
        Inspector.create(
            "{{.RepoTags}} {{.Id}} {{.Parent}}|{{json .Config}}|{{index .RepoTags 0}}|"
                + "{{range .RepoTags}}{{.}} {{end}}|{{.Config.Labels.nope}}|{{index .Config.Labels \"nope\"}}|"
                + "{{.Config.Entrypoint}}|{{.RepoDigests}}|{{.Size}}");
    inspector.add(image());
    inspector.add(image());
    String line =
        "[ubuntu:latest] sha256:abc |{\"Env\":[\"PATH=/usr/bin\"],\"Cmd\":[\"bash\"],"
            + "\"Entrypoint\":null,\"Labels\":{\"maintainer\":\"me <m@x>\"}}|ubuntu:latest|"
            + "ubuntu:latest |<no value>||[]|[]|72900000\n";
    assertThat(flush(inspector)).isEqualTo(line + line);
  }

  @Test
  void missingFieldIsAnErrorAsOnDockersRawRetry() {
    Inspector inspector = assertCreates("{{.Foo}}");
    inspector.add(image());
    inspector.addError("Error response from daemon: No such image: x:latest");
    StringWriter sw = new StringWriter();
    assertThatThrownBy(() -> inspector.flush(new PrintWriter(sw)))
        .isInstanceOf(FormatException.class)
        .hasMessage(
            "template parsing error: template: :1:2: executing \"\" at <.Foo>: map has no entry"
                + " for key \"Foo\"\nError response from daemon: No such image: x:latest")
        .extracting(e -> ((FormatException) e).exitStatus())
        .isEqualTo(1);
    assertThat(sw).hasToString("\n");
  }

  @Test
  void parseErrorExitsWith64() {
    assertThatThrownBy(() -> Inspector.create("{{.Id}"))
        .isInstanceOf(FormatException.class)
        .hasMessage("template parsing error: template: :1: bad character U+007D '}'")
        .extracting(e -> ((FormatException) e).exitStatus())
        .isEqualTo(64);
  }

  private static Inspector assertCreates(String format) {
    try {
      return Inspector.create(format);
    } catch (FormatException e) {
      throw new AssertionError(e);
    }
  }
}
