package io.jdock.cli;

import static io.jdock.cli.ImagesCommandTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.oci.Digest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jdock inspect}: images through docker's top-level inspect and its {@code --type}. */
class InspectCommandTest {
  @TempDir Path root;
  private CliFixture jdock;
  private Digest id;

  @BeforeEach
  void image() throws Exception {
    jdock = new CliFixture(root);
    id = jdock.image(CliFixture.config(null, Map.of()), List.of("app:1"), "a");
  }

  @Test
  void inspectsImagesAsImageInspectDoes() {
    CliFixture.Run top = jdock.run("inspect", "app:1");
    assertThat(top.exit()).isZero();
    assertThat(top.out()).isEqualTo(jdock.run("image", "inspect", "app:1").out());
    assertThat(jdock.run("inspect", "--type", "image", "-s", "-f", "{{.ID}}", "app:1").out())
        .isEqualTo(id + "\n");
  }

  @Test
  void missingObjectsWithoutATypeAreNoSuchObject() {
    CliFixture.Run run = jdock.run("inspect", "-f", "{{.ID}}", "nope", "app:1", "gone");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEqualTo(id + "\n");
    assertThat(run.err()).isEqualTo("Error: No such object: nope\nError: No such object: gone\n");
  }

  @Test
  void typeImageReportsTheDaemonsErrorAndUnknownTypesAreRefused() {
    CliFixture.Run image = jdock.run("inspect", "--type", "image", "nope");
    assertThat(image.err()).isEqualTo("Error response from daemon: No such image: nope:latest\n");
    assertThat(image.exit()).isEqualTo(1);
    assertError(
        jdock.run("inspect", "--type", "foo", "app:1"),
        "unknown type: \"foo\": must be one of \"config\", \"container\", \"image\", \"network\","
            + " \"node\", \"plugin\", \"secret\", \"service\", \"task\", \"volume\"");
    assertError(jdock.run("inspect", "--type", "volume", "app:1"), "Error: No such object: app:1");
  }
}
