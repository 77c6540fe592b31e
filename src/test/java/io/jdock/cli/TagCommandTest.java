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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code jdock tag}: docker's client checks, lookup and silent success (reference doc 1.7). */
class TagCommandTest {
  @TempDir Path root;
  private CliFixture jdock;
  private Digest one;
  private Digest two;

  @BeforeEach
  void images() throws Exception {
    jdock = new CliFixture(root);
    one = jdock.image(CliFixture.config("2024-01-01T00:00:00Z", Map.of()), List.of("one:1"), "1");
    two = jdock.image(CliFixture.config("2024-01-02T00:00:00Z", Map.of()), List.of("two:1"), "2");
  }

  private String tags() {
    return jdock.run("images", "--format", "{{.Repository}}:{{.Tag}} {{.ID}}").out();
  }

  @Test
  void tagsByNameIdOrPrefixSilently() {
    CliFixture.Run run = jdock.run("tag", "one:1", "localhost:5000/team/one");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEmpty();
    assertThat(jdock.run("tag", one.hex(), "byid:x").exit()).isZero();
    assertThat(jdock.run("image", "tag", one.hex().substring(0, 5), "byprefix").exit()).isZero();
    assertThat(jdock.run("tag", one.toString(), "bydigest").exit()).isZero();
    assertThat(tags())
        .isEqualTo(
            "two:1 "
                + two.shortHex()
                + "\nbydigest:latest "
                + one.shortHex()
                + "\nbyid:x "
                + one.shortHex()
                + "\nbyprefix:latest "
                + one.shortHex()
                + "\none:1 "
                + one.shortHex()
                + "\nlocalhost:5000/team/one:latest "
                + one.shortHex()
                + "\n");
  }

  @Test
  void retaggingMovesTheTagAndRecordsTheTagTime() {
    assertThat(jdock.run("tag", "two:1", "one:1").exit()).isZero();
    assertThat(tags())
        .isEqualTo(
            "one:1 "
                + two.shortHex()
                + "\ntwo:1 "
                + two.shortHex()
                + "\n<none>:<none> "
                + one.shortHex()
                + "\n");
    assertThat(jdock.run("image", "inspect", "-f", "{{.Metadata.LastTagTime}}", "one:1").out())
        .doesNotStartWith("0001-01-01");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      one:1 | a b      | Error parsing reference: "a b" is not a valid repository/tag: invalid reference format
      one:1 | Upper    | Error parsing reference: "Upper" is not a valid repository/tag: invalid reference format: repository name (library/Upper) must be lowercase
      A:1   | x        | Error parsing reference: "A:1" is not a valid repository/tag: invalid reference format: repository name (library/A) must be lowercase
      one:1 | x@sha256:aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | refusing to create a tag with a digest reference
      one:1 | aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa | Error parsing reference: "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa" is not a valid repository/tag: invalid repository name (aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa), cannot specify 64-byte hexadecimal strings
      one:1 | sha256:x | Error response from daemon: refusing to create an ambiguous tag using digest algorithm as name
      nope  | x        | Error response from daemon: No such image: nope:latest
      one   | x        | Error response from daemon: No such image: one:latest
      """)
  void refusals(String source, String target, String message) {
    assertError(jdock.run("tag", source, target), message);
    assertThat(tags()).doesNotContain("x:");
  }

  @Test
  void wrongArgumentCountIsAUsageError() {
    CliFixture.Run run = jdock.run("tag", "one:1");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "jdock: 'jdock tag' requires 2 arguments\n\nUsage:  jdock tag SOURCE_IMAGE[:TAG]"
                + " TARGET_IMAGE[:TAG]\n\nRun 'jdock tag --help' for more information\n");
    assertThat(jdock.run("image", "tag").err()).contains("Usage:  jdock image tag SOURCE_IMAGE");
  }
}
