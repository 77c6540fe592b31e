package io.jdock.cli;

import static io.jdock.cli.ImagesCommandTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jdock image prune}: docker's prompt, output and filters (moby image_prune.go, docker/cli
 * image/prune.go).
 */
class ImagePruneCommandTest {
  private static final String PROMPT =
      "WARNING! This will remove all dangling images.\n"
          + "Are you sure you want to continue? [y/N] ";
  private static final String PROMPT_ALL =
      "WARNING! This will remove all images without at least one container associated to them.\n"
          + "Are you sure you want to continue? [y/N] ";

  @TempDir Path root;
  private CliFixture jdock;
  private Digest old;
  private Digest recent;
  private Digest app;
  private Digest used;
  private Digest foo;
  private final String digest = sha("manifest");

  private static String sha(String content) {
    return Digest.sha256(content.getBytes(StandardCharsets.UTF_8)).toString();
  }

  private static String ago(Duration d) {
    return Instant.now().minus(d).toString();
  }

  @BeforeEach
  void images() throws Exception {
    jdock = new CliFixture(root);
    old =
        jdock.image(
            CliFixture.config(ago(Duration.ofDays(3)), Map.of()), List.of(), "d".repeat(1500));
    recent =
        jdock.image(
            CliFixture.config(ago(Duration.ofHours(1)), Map.of("keep", "yes")),
            List.of(),
            "e".repeat(500));
    app =
        jdock.image(
            CliFixture.config(ago(Duration.ofDays(5)), Map.of()),
            List.of("app:1"),
            "a".repeat(100));
    used =
        jdock.image(
            CliFixture.config(ago(Duration.ofDays(6)), Map.of()),
            List.of("used:1"),
            "u".repeat(10));
    foo =
        jdock.image(
            CliFixture.config(ago(Duration.ofDays(7)), Map.of()), List.of("foo@" + digest), "f");
    jdock.container('c', "user", used, CliFixture.stopped());
  }

  private String remaining() {
    return jdock.run("images", "-a", "--format", "{{.Repository}}:{{.Tag}}").out();
  }

  @Test
  void withoutAnAnswerNothingIsRemoved() {
    for (String answer : List.of("", "n\n", "yes\n", "N")) {
      CliFixture.Run run = jdock.runWithInput(answer, "image", "prune");
      assertThat(run.out()).isEqualTo(PROMPT);
      assertThat(run.err()).isEmpty();
      assertThat(run.exit()).isZero();
    }
    assertThat(remaining()).isEqualTo("<none>:<none>\n<none>:<none>\napp:1\nused:1\nfoo:<none>\n");
  }

  @Test
  void yesRemovesDanglingImagesAndDigestOnlyOnes() {
    CliFixture.Run run = jdock.runWithInput(" Y \n", "image", "prune");
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .isEqualTo(
            PROMPT
                + "Deleted Images:\n"
                + "deleted: "
                + old
                + "\ndeleted: "
                + sha("d".repeat(1500))
                + "\ndeleted: "
                + recent
                + "\ndeleted: "
                + sha("e".repeat(500))
                + "\nuntagged: foo@"
                + digest
                + "\ndeleted: "
                + foo
                + "\ndeleted: "
                + sha("f")
                + "\n\nTotal reclaimed space: 2.001kB\n");
    assertThat(remaining()).isEqualTo("app:1\nused:1\n");
    assertThat(jdock.run("image", "prune", "-f").out()).isEqualTo("Total reclaimed space: 0B\n");
  }

  @Test
  void allRemovesEveryImageNoContainerUses() {
    CliFixture.Run run = jdock.runWithInput("y\n", "image", "prune", "-a");
    assertThat(run.out())
        .startsWith(PROMPT_ALL + "Deleted Images:\n")
        .contains("untagged: app:1\ndeleted: " + app + "\n")
        .endsWith("\n\nTotal reclaimed space: 2.101kB\n");
    assertThat(remaining()).isEqualTo("used:1\n");
  }

  @Test
  void filters() {
    assertThat(jdock.run("image", "prune", "-f", "--filter", "until=48h").out())
        .contains("deleted: " + old + "\n")
        .contains("deleted: " + foo + "\n")
        .doesNotContain(recent.toString());
    assertThat(jdock.run("image", "prune", "-f", "--filter", "label!=keep").out())
        .isEqualTo("Total reclaimed space: 0B\n");
    assertThat(jdock.run("image", "prune", "-af", "--filter", "label=keep=yes").out())
        .isEqualTo(
            "Deleted Images:\ndeleted: "
                + recent
                + "\ndeleted: "
                + sha("e".repeat(500))
                + "\n\nTotal reclaimed space: 500B\n");
    assertThat(remaining()).isEqualTo("app:1\nused:1\n");
  }

  @Test
  void badFilters() {
    assertError(
        jdock.run("image", "prune", "-f", "--filter", "reference=x"),
        "Error response from daemon: invalid filter 'reference'");
    assertError(
        jdock.run("image", "prune", "-f", "--filter", "until=1h", "--filter", "until=2h"),
        "Error response from daemon: more than one until filter specified");
    assertError(
        jdock.run("image", "prune", "-f", "--filter", "dangling=false"),
        "Error response from daemon: invalid filter 'dangling=[false true]'");
    CliFixture.Run flag = jdock.run("image", "prune", "--filter", "until");
    assertThat(flag.exit()).isEqualTo(125);
    assertThat(flag.err())
        .startsWith(
            "invalid argument \"until\" for \"--filter\" flag: bad format of filter (expected"
                + " name=value)\n\nUsage:  jdock image prune [OPTIONS]\n");
    assertThat(remaining()).contains("foo:<none>");
  }
}
