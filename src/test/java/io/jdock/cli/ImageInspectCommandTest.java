package io.jdock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jdock.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jdock image inspect}: docker's classic JSON (field order, omitted fields, Go's encoding of
 * nil and empty values) and its two-step templates (reference doc section 1.6).
 */
class ImageInspectCommandTest {
  @TempDir Path root;
  private CliFixture jdock;
  private Digest rich;
  private Digest bare;
  private final String digest =
      Digest.sha256("manifest".getBytes(StandardCharsets.UTF_8)).toString();

  @BeforeEach
  void images() throws Exception {
    jdock = new CliFixture(root);
    ObjectNode config = CliFixture.config("2024-01-02T04:04:05.100000000+01:00", Map.of());
    config.put("architecture", "arm64").put("variant", "v8").put("author", "someone <s@x.org>");
    config.put("docker_version", "24.0.7");
    config.putArray("history").addObject().put("created_by", "step 1").put("comment", "last step");
    ObjectNode c = (ObjectNode) config.get("config");
    c.put("User", "app");
    c.putObject("ExposedPorts").putObject("80/tcp");
    c.putArray("Env").add("PATH=/usr/bin").add("A=1");
    c.putArray("Cmd").add("serve");
    ObjectNode health = c.putObject("Healthcheck");
    health.putArray("Test").add("CMD").add("true");
    health.put("Interval", 30_000_000_000L).put("Retries", 3);
    c.put("ArgsEscaped", true);
    c.put("Image", "sha256:0123");
    c.putObject("Volumes").putObject("/data");
    c.put("WorkingDir", "/srv");
    c.putArray("Entrypoint").add("/entry.sh");
    c.putObject("Labels").put("b", "<2>").put("a", "1");
    c.put("StopSignal", "SIGTERM");
    c.putArray("Shell").add("/bin/sh").add("-c");
    rich =
        jdock.image(
            config,
            List.of("localhost:5000/rich:2", "rich:1", "rich@" + digest),
            "layer-one",
            "x".repeat(1_234_558));
    bare = jdock.image(CliFixture.config(null, Map.of()), List.of(), "b");
  }

  private static String layer(String content) {
    return Digest.sha256(content.getBytes(StandardCharsets.UTF_8)).toString();
  }

  @Test
  void classicJsonOfARichConfig() {
    CliFixture.Run run = jdock.run("image", "inspect", "rich:1");
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .isEqualTo(
            """
            [
                {
                    "Id": "%s",
                    "RepoTags": [
                        "rich:1",
                        "localhost:5000/rich:2"
                    ],
                    "RepoDigests": [
                        "rich@%s"
                    ],
                    "Parent": "",
                    "Comment": "last step",
                    "Created": "2024-01-02T04:04:05.1+01:00",
                    "DockerVersion": "24.0.7",
                    "Author": "someone <s@x.org>",
                    "Config": {
                        "Hostname": "",
                        "Domainname": "",
                        "User": "app",
                        "AttachStdin": false,
                        "AttachStdout": false,
                        "AttachStderr": false,
                        "ExposedPorts": {
                            "80/tcp": {}
                        },
                        "Tty": false,
                        "OpenStdin": false,
                        "StdinOnce": false,
                        "Env": [
                            "PATH=/usr/bin",
                            "A=1"
                        ],
                        "Cmd": [
                            "serve"
                        ],
                        "Healthcheck": {
                            "Test": [
                                "CMD",
                                "true"
                            ],
                            "Interval": 30000000000,
                            "Retries": 3
                        },
                        "ArgsEscaped": true,
                        "Image": "sha256:0123",
                        "Volumes": {
                            "/data": {}
                        },
                        "WorkingDir": "/srv",
                        "Entrypoint": [
                            "/entry.sh"
                        ],
                        "OnBuild": null,
                        "Labels": {
                            "a": "1",
                            "b": "<2>"
                        },
                        "StopSignal": "SIGTERM",
                        "Shell": [
                            "/bin/sh",
                            "-c"
                        ]
                    },
                    "Architecture": "arm64",
                    "Variant": "v8",
                    "Os": "linux",
                    "Size": 1234567,
                    "GraphDriver": {
                        "Data": null,
                        "Name": "jdock"
                    },
                    "RootFS": {
                        "Type": "layers",
                        "Layers": [
                            "%s",
                            "%s"
                        ]
                    },
                    "Metadata": {
                        "LastTagTime": "0001-01-01T00:00:00Z"
                    }
                }
            ]
            """
                .formatted(rich, digest, layer("layer-one"), layer("x".repeat(1_234_558))));
  }

  @Test
  void classicJsonOfABareConfigAndAParent() throws Exception {
    Digest child = jdock.child(CliFixture.config(null, Map.of()), bare, List.of("kid:1"), "b", "k");
    String expected =
        """
        [
            {
                "Id": "%s",
                "RepoTags": [],
                "RepoDigests": [],
                "Parent": "",
                "Comment": "",
                "DockerVersion": "",
                "Author": "",
                "Config": {
                    "Hostname": "",
                    "Domainname": "",
                    "User": "",
                    "AttachStdin": false,
                    "AttachStdout": false,
                    "AttachStderr": false,
                    "Tty": false,
                    "OpenStdin": false,
                    "StdinOnce": false,
                    "Env": null,
                    "Cmd": null,
                    "Image": "",
                    "Volumes": null,
                    "WorkingDir": "",
                    "Entrypoint": null,
                    "OnBuild": null,
                    "Labels": null
                },
                "Architecture": "amd64",
                "Os": "linux",
                "Size": 1,
                "GraphDriver": {
                    "Data": null,
                    "Name": "jdock"
                },
                "RootFS": {
                    "Type": "layers",
                    "Layers": [
                        "%s"
                    ]
                },
                "Metadata": {
                    "LastTagTime": "0001-01-01T00:00:00Z"
                }
            }
        ]
        """
            .formatted(bare, layer("b"));
    assertThat(jdock.run("image", "inspect", bare.shortHex()).out()).isEqualTo(expected);
    assertThat(jdock.run("image", "inspect", "-f", "{{.Parent}}", "kid:1").out())
        .isEqualTo(bare + "\n");
    assertThat(jdock.run("image", "inspect", "-f", "json", child.hex()).out())
        .startsWith("[{\"Id\":\"" + child + "\",\"RepoTags\":[\"kid:1\"],\"RepoDigests\":[],")
        .endsWith("\"Metadata\":{\"LastTagTime\":\"0001-01-01T00:00:00Z\"}}]\n");
  }

  @Test
  void aConfigWithoutConfigIsNull() throws Exception {
    ObjectNode config = CliFixture.config(null, Map.of());
    config.remove("config");
    jdock.image(config, List.of("noconfig:1"), "n");
    assertThat(jdock.run("image", "inspect", "-f", "{{json .Config}}|{{.Os}}", "noconfig:1").out())
        .isEqualTo("null|linux\n");
    assertThat(jdock.run("image", "inspect", "noconfig:1").out())
        .contains("\n        \"Author\": \"\",\n        \"Config\": null,\n");
  }

  @Test
  void templatesRunOnTheGoStructThenOnTheDecodedJson() {
    String template =
        "{{.ID}} {{.Size}} {{.VirtualSize}}|{{.RepoTags}}|{{index .RepoTags 0}}|"
            + "{{range .RepoDigests}}{{.}};{{end}}|{{json .Config.Labels}}|"
            + "{{.Config.Healthcheck.Retries}}|{{.Metadata.LastTagTime}}|{{.Created}}";
    assertThat(jdock.run("image", "inspect", "-f", template, "rich:1").out())
        .isEqualTo(
            rich
                + " 1234567 0|[rich:1 localhost:5000/rich:2]|rich:1|rich@"
                + digest
                + ";|{\"a\":\"1\",\"b\":\"<2>\"}|3|0001-01-01 00:00:00 +0000 UTC|"
                + "2024-01-02T04:04:05.1+01:00\n");
    // .Id is no field of docker's struct: the template runs on the JSON, whose numbers are
    // float64 and whose times are strings.
    assertThat(
            jdock
                .run(
                    "image",
                    "inspect",
                    "-f",
                    "{{.Id}} {{.Size}} {{.Metadata.LastTagTime}}",
                    "rich:1")
                .out())
        .isEqualTo(rich + " 1.234567e+06 0001-01-01T00:00:00Z\n");
    assertThat(
            jdock.run("image", "inspect", "-f", "{{json .Config.Cmd}}", "rich:1", bare.hex()).out())
        .isEqualTo("[\"serve\"]\nnull\n");
    assertThat(jdock.run("image", "inspect", "--format", "{{json .RootFS}}", bare.hex()).out())
        .isEqualTo("{\"Type\":\"layers\",\"Layers\":[\"" + layer("b") + "\"]}\n");
  }

  @Test
  void errors() {
    CliFixture.Run missing = jdock.run("image", "inspect", "-f", "{{.ID}}", "nope", "rich:1");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.out()).isEqualTo(rich + "\n");
    assertThat(missing.err()).isEqualTo("Error response from daemon: No such image: nope:latest\n");

    CliFixture.Run unknown = jdock.run("image", "inspect", "-f", "{{.Foo}}", "rich:1");
    assertThat(unknown.exit()).isEqualTo(1);
    assertThat(unknown.out()).isEqualTo("\n");
    assertThat(unknown.err())
        .isEqualTo(
            "template parsing error: template: :1:2: executing \"\" at <.Foo>: map has no entry"
                + " for key \"Foo\"\n");

    CliFixture.Run parse = jdock.run("image", "inspect", "-f", "{{.Id", "rich:1");
    assertThat(parse.exit()).isEqualTo(64);
    assertThat(parse.err()).isEqualTo("template parsing error: template: :1: unclosed action\n");

    assertThat(jdock.run("image", "inspect", "Bad").err())
        .isEqualTo(
            "Error response from daemon: invalid reference format: repository name (library/Bad)"
                + " must be lowercase\n");
    CliFixture.Run none = jdock.run("image", "inspect", "nope");
    assertThat(none.out()).isEqualTo("[]\n");
    assertThat(none.exit()).isEqualTo(1);
  }
}
