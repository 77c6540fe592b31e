package io.jdock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.cli.format.Units;
import io.jdock.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code jdock images}: docker's rows, columns, sorting and filters (reference doc section 1.4,
 * moby daemon/images/image_list.go, docker/cli formatter/image.go), byte for byte.
 */
class ImagesCommandTest {
  @TempDir java.nio.file.Path root;
  private CliFixture jdock;
  private Digest child;
  private Digest busybox;
  private Digest ubuntu;
  private Digest foo;
  private Digest dangling;
  private Digest parent;
  private Digest nocreated;
  private Digest zero;
  private final String digest =
      Digest.sha256("manifest".getBytes(StandardCharsets.UTF_8)).toString();

  private static String ago(Duration d) {
    return Instant.now().minus(d).toString();
  }

  @BeforeEach
  void images() throws Exception {
    jdock = new CliFixture(root);
    parent =
        jdock.image(
            CliFixture.config(ago(Duration.ofDays(30)), Map.of()), List.of(), "p".repeat(100));
    child =
        jdock.child(
            CliFixture.config(ago(Duration.ofHours(1)), Map.of("tier", "app")),
            parent,
            List.of("child:1"),
            "p".repeat(100),
            "c".repeat(20));
    busybox =
        jdock.image(
            CliFixture.config(ago(Duration.ofHours(2)), Map.of("tier", "base", "os", "busybox")),
            List.of("localhost:5000/tools/busybox:1", "busybox:1.36"),
            "b".repeat(999_999));
    ubuntu =
        jdock.image(
            CliFixture.config(ago(Duration.ofDays(3)), Map.of("tier", "base")),
            List.of("ubuntu:latest", "ubuntu:22.04", "ubuntu@" + digest),
            "u".repeat(1500));
    foo =
        jdock.image(
            CliFixture.config(ago(Duration.ofDays(10)), Map.of()), List.of("foo@" + digest), "f");
    dangling =
        jdock.image(
            CliFixture.config(ago(Duration.ofDays(20)), Map.of()), List.of(), "d".repeat(10));
    nocreated = jdock.image(CliFixture.config(null, Map.of()), List.of("nocreated:1"), "n");
    zero = jdock.image(CliFixture.config("0001-01-01T00:00:00Z", Map.of()), List.of("zero:1"), "z");
  }

  /** One table line: each cell but the last padded to its column's width. */
  private static String line(int[] widths, String... cells) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.length - 1; i++) {
      sb.append(String.format("%-" + widths[i] + "s", cells[i]));
    }
    return sb.append(cells[cells.length - 1]).append('\n').toString();
  }

  private static String epochAgo() {
    return Units.humanDuration(Duration.between(Instant.EPOCH, Instant.now())) + " ago";
  }

  @Test
  void defaultTableIsNewestFirstOneRowPerTagAndHidesIntermediateImages() {
    int[] w = {31, 10, 15, 20};
    CliFixture.Run run = jdock.run("images");
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .isEqualTo(
            line(w, "REPOSITORY", "TAG", "IMAGE ID", "CREATED", "SIZE")
                + line(w, "child", "1", child.shortHex(), "About an hour ago", "120B")
                + line(w, "busybox", "1.36", busybox.shortHex(), "2 hours ago", "1e+03kB")
                + line(
                    w,
                    "localhost:5000/tools/busybox",
                    "1",
                    busybox.shortHex(),
                    "2 hours ago",
                    "1e+03kB")
                + line(w, "ubuntu", "22.04", ubuntu.shortHex(), "3 days ago", "1.5kB")
                + line(w, "ubuntu", "latest", ubuntu.shortHex(), "3 days ago", "1.5kB")
                + line(w, "foo", "<none>", foo.shortHex(), "10 days ago", "1B")
                + line(w, "<none>", "<none>", dangling.shortHex(), "2 weeks ago", "10B")
                + line(w, "nocreated", "1", nocreated.shortHex(), epochAgo(), "1B")
                + line(w, "zero", "1", zero.shortHex(), "N/A", "1B"));
  }

  @Test
  void allShowsIntermediateImagesAndDigestsAddAColumn() {
    CliFixture.Run all = jdock.run("images", "-a", "--format", "{{.Repository}}:{{.Tag}}");
    assertThat(all.out())
        .isEqualTo(
            "child:1\nbusybox:1.36\nlocalhost:5000/tools/busybox:1\nubuntu:22.04\nubuntu:latest\n"
                + "foo:<none>\n<none>:<none>\n<none>:<none>\nnocreated:1\nzero:1\n");
    assertThat(jdock.run("images", "-aq").out()).contains(parent.shortHex() + "\n");

    int[] w = {13, 10, 74, 15, 13};
    CliFixture.Run digests = jdock.run("images", "--digests", "ubuntu");
    assertThat(digests.out())
        .isEqualTo(
            line(w, "REPOSITORY", "TAG", "DIGEST", "IMAGE ID", "CREATED", "SIZE")
                + line(w, "ubuntu", "22.04", digest, ubuntu.shortHex(), "3 days ago", "1.5kB")
                + line(w, "ubuntu", "latest", digest, ubuntu.shortHex(), "3 days ago", "1.5kB"));
    assertThat(
            jdock
                .run("images", "--digests", "--format", "{{.Repository}} {{.Digest}}", "foo")
                .out())
        .isEqualTo("foo " + digest + "\n");
    // Without --digests a digest-only repository has an empty DIGEST, as docker prints it.
    assertThat(jdock.run("images", "--format", "{{.Tag}}|{{.Digest}}|", "foo").out())
        .isEqualTo("<none>||\n");
  }

  @Test
  void quietPrintsOneIdPerRowAndNoTruncPrintsFullIds() {
    assertThat(jdock.run("images", "-q", "ubuntu").out())
        .isEqualTo(ubuntu.shortHex() + "\n" + ubuntu.shortHex() + "\n");
    assertThat(jdock.run("images", "-q", "--no-trunc", "busybox").out()).isEqualTo(busybox + "\n");
  }

  @Test
  void jsonAndTemplatesUseDockersFields() {
    String json = jdock.run("images", "--format", "json", "zero").out();
    assertThat(json)
        .isEqualTo(
            "{\"Containers\":\"N/A\",\"CreatedAt\":\""
                + Units.goTimeString(Instant.parse("0001-01-01T00:00:00Z"))
                + "\",\"CreatedSince\":\"\",\"Digest\":\"\\u003cnone\\u003e\",\"ID\":\""
                + zero.shortHex()
                + "\",\"Repository\":\"zero\",\"SharedSize\":\"N/A\",\"Size\":\"1B\","
                + "\"Tag\":\"1\",\"UniqueSize\":\"N/A\",\"VirtualSize\":\"1B\"}\n");
    assertThat(
            jdock
                .run("images", "--format", "table {{.ID}}\\t{{.VirtualSize}}", "busybox:1.36")
                .out())
        .isEqualTo("IMAGE ID       SIZE\n" + busybox.shortHex() + "   1000kB\n");
    assertThat(jdock.run("images", "--format", "raw", "zero").out())
        .isEqualTo(
            "repository: zero\ntag: 1\nimage_id: "
                + zero.shortHex()
                + "\ncreated_at: "
                + Units.goTimeString(Instant.parse("0001-01-01T00:00:00Z"))
                + "\nvirtual_size: 1B\n\n");
    assertThat(jdock.run("images", "--format", "raw", "-q", "zero").out())
        .isEqualTo("image_id: " + zero.shortHex() + "\n");
    assertThat(jdock.run("images", "--format", "raw", "--digests", "foo").out())
        .startsWith("repository: foo\ntag: <none>\ndigest: " + digest + "\nimage_id: ");
    assertThat(jdock.run("images", "--format", "table {{.Tag}}", "--digests", "foo").out())
        .isEqualTo("TAG       DIGEST\n<none>    " + digest + "\n");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
      dangling=true           | foo:<none> <none>:<none>
      dangling=false          | child:1 busybox:1.36 localhost:5000/tools/busybox:1 ubuntu:22.04 ubuntu:latest foo:<none> nocreated:1 zero:1
      label=tier              | child:1 busybox:1.36 localhost:5000/tools/busybox:1 ubuntu:22.04 ubuntu:latest
      label=tier=base         | busybox:1.36 localhost:5000/tools/busybox:1 ubuntu:22.04 ubuntu:latest
      LABEL = tier=base       | busybox:1.36 localhost:5000/tools/busybox:1 ubuntu:22.04 ubuntu:latest
      until=48h               | ubuntu:22.04 ubuntu:latest foo:<none> <none>:<none> zero:1
      reference=ubuntu        | ubuntu:22.04 ubuntu:latest
      reference=ubuntu:latest | ubuntu:latest
      reference=*box          | busybox:1.36
      reference=*/*/*box      | localhost:5000/tools/busybox:1
      reference=ub?ntu:2*     | ubuntu:22.04
      reference=foo           | foo:<none>
      reference=ubunt         | ''
      """)
  void filters(String filter, String expected) {
    CliFixture.Run run = jdock.run("images", "-f", filter, "--format", "{{.Repository}}:{{.Tag}}");
    assertThat(run.err()).isEmpty();
    assertThat(run.out().strip().replace('\n', ' ')).isEqualTo(expected);
  }

  @Test
  void filtersCombine() {
    // reference filters are ORed; labels ANDed; before/since compare creation times.
    assertThat(
            jdock
                .run(
                    "images",
                    "-f",
                    "reference=zero",
                    "-f",
                    "reference=child",
                    "--format",
                    "{{.Repository}}")
                .out())
        .isEqualTo("child\nzero\n");
    assertThat(jdock.run("images", "-f", "label=tier", "-f", "label=os=busybox", "-q").out())
        .isEqualTo(busybox.shortHex() + "\n" + busybox.shortHex() + "\n");
    assertThat(
            jdock
                .run("images", "-f", "before=ubuntu", "-f", "since=" + dangling.shortHex(), "-q")
                .out())
        .isEqualTo(foo.shortHex() + "\n");
    assertThat(jdock.run("images", "--filter", "since=" + busybox.hex(), "-q").out())
        .isEqualTo(child.shortHex() + "\n");
    // A digest reference matches the repository of a REPO:TAG pattern.
    assertThat(
            jdock
                .run("images", "--digests", "--format", "{{.Tag}} {{.Digest}}", "ubuntu:22.04")
                .out())
        .isEqualTo("22.04 " + digest + "\n");
    String timestamp = Instant.now().minus(Duration.ofDays(5)).getEpochSecond() + ".5";
    assertThat(jdock.run("images", "-f", "until=" + timestamp, "-f", "label=tier", "-q").out())
        .isEqualTo("");
    assertThat(
            jdock
                .run("images", "-f", "until=2000-01-01T00:00:00Z", "--format", "{{.Repository}}")
                .out())
        .isEqualTo("zero\n");
  }

  @Test
  void badFiltersAreDockersErrors() {
    assertError(
        jdock.run("images", "-f", "color=red"),
        "Error response from daemon: invalid filter 'color'");
    assertError(
        jdock.run("images", "-f", "dangling=maybe"),
        "Error response from daemon: invalid filter 'dangling=[maybe]'");
    assertError(
        jdock.run("images", "-f", "dangling=true", "-f", "dangling=false"),
        "Error response from daemon: invalid filter 'dangling=[true false]'");
    assertError(
        jdock.run("images", "-f", "before=nope"),
        "Error response from daemon: No such image: nope:latest");
    assertError(
        jdock.run("images", "-f", "until=yesterday"),
        "Error response from daemon: failed to parse value as time or duration: \"yesterday\"");
    assertError(
        jdock.run("images", "-f", "until=2024-13-01"),
        "Error response from daemon: parsing time \"2024-13-01\": month out of range");
    assertError(
        jdock.run("images", "ubuntu["), "Error response from daemon: syntax error in pattern");
    CliFixture.Run flag = jdock.run("images", "-f", "dangling");
    assertThat(flag.exit()).isEqualTo(125);
    assertThat(flag.err())
        .isEqualTo(
            "invalid argument \"dangling\" for \"-f, --filter\" flag: bad format of filter"
                + " (expected name=value)\n\nUsage:  jdock images [OPTIONS] [REPOSITORY[:TAG]]\n\n"
                + "Run 'jdock images --help' for more information\n");
  }

  @Test
  void templateErrorsAreDockers() {
    assertError(
        jdock.run("images", "--format", "{{.Foo}}"),
        "template parsing error: template: :1:2: executing \"\" at <.Foo>: can't evaluate field"
            + " Foo in type *formatter.imageContext");
    assertError(
        jdock.run("images", "--format", "{{.ID"),
        "template parsing error: template: :1: unclosed action");
  }

  @Test
  void aNameThatIsAnImageSubcommandDrawsAHintOnlyFromImages() {
    CliFixture.Run run = jdock.run("images", "ls");
    assertThat(run.exit()).isZero();
    assertThat(run.out()).isEqualTo("REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n");
    assertThat(run.err())
        .isEqualTo("\nNo images found matching \"ls\": did you mean \"jdock image ls\"?\n");
    assertThat(jdock.run("image", "ls", "ls").err()).isEmpty();
    assertThat(jdock.run("image", "list", "-q", "zero").out()).isEqualTo(zero.shortHex() + "\n");
    assertThat(jdock.run("images", "nothing").err()).isEmpty();
  }

  @Test
  void anEmptyStorePrintsTheHeader(@TempDir java.nio.file.Path empty) {
    CliFixture.Run run = new CliFixture(empty).run("images");
    assertThat(run.out()).isEqualTo("REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n");
    assertThat(run.exit()).isZero();
  }

  static void assertError(CliFixture.Run run, String message) {
    assertThat(run.err()).isEqualTo(message + "\n");
    assertThat(run.out()).isEmpty();
    assertThat(run.exit()).isEqualTo(1);
  }
}
