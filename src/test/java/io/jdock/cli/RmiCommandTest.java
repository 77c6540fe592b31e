package io.jdock.cli;

import static io.jdock.cli.ImagesCommandTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.oci.ChainId;
import io.jdock.oci.Digest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jdock rmi}: docker's {@code Untagged:}/{@code Deleted:} lines and each conflict message as
 * docker prints it (reference doc section 1.5), and how errors of several arguments end.
 */
class RmiCommandTest {
  private static final String CREATED = "2024-01-01T00:00:00Z";

  @TempDir Path root;
  private CliFixture jdock;

  @BeforeEach
  void fixture() {
    jdock = new CliFixture(root);
  }

  private Digest image(List<String> refs, String layer) throws Exception {
    return jdock.image(CliFixture.config(CREATED, Map.of("layer", layer)), refs, layer);
  }

  private static String layer(String content) {
    return Digest.sha256(content.getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** docker names a deleted layer by its chain ID: that of the stack of these layers. */
  private static String chain(String... layers) {
    List<Digest> diffIds =
        java.util.Arrays.stream(layers)
            .map(l -> Digest.sha256(l.getBytes(StandardCharsets.UTF_8)))
            .toList();
    return ChainId.of(diffIds).get(layers.length - 1).toString();
  }

  private static String conflict(Digest id, boolean hard, String reason) {
    return "Error response from daemon: conflict: unable to delete "
        + id.shortHex()
        + (hard ? " (cannot be forced) - " : " (must be forced) - ")
        + reason;
  }

  @Test
  void untagsThenDeletesTheImageAndItsLayersWithTheRepositorysDigests() throws Exception {
    String digest = Digest.sha256("m".getBytes(StandardCharsets.UTF_8)).toString();
    Digest id = image(List.of("app:1", "app@" + digest, "app:2"), "app-layer");
    CliFixture.Run first = jdock.run("rmi", "app:1");
    assertThat(first.out()).isEqualTo("Untagged: app:1\n");
    CliFixture.Run last = jdock.run("image", "rm", "app:2");
    assertThat(last.err()).isEmpty();
    assertThat(last.exit()).isZero();
    assertThat(last.out())
        .isEqualTo(
            "Untagged: app:2\nUntagged: app@"
                + digest
                + "\nDeleted: "
                + id
                + "\nDeleted: "
                + layer("app-layer")
                + "\n");
    assertThat(jdock.run("images", "-aq").out()).isEmpty();
  }

  @Test
  void anIdReferencedInSeveralRepositoriesMustBeForced() throws Exception {
    Digest id = image(List.of("a:1", "b:1"), "shared");
    assertError(
        jdock.run("rmi", id.shortHex()),
        conflict(id, false, "image is referenced in multiple repositories"));
    CliFixture.Run forced = jdock.run("image", "remove", "-f", id.hex());
    assertThat(forced.out())
        .isEqualTo(
            "Untagged: a:1\nUntagged: b:1\nDeleted: "
                + id
                + "\nDeleted: "
                + layer("shared")
                + "\n");
    assertThat(forced.exit()).isZero();
  }

  @Test
  void aParentWithChildrenCannotBeDeletedEvenForced() throws Exception {
    Digest parent = image(List.of("base:1"), "base");
    Digest child =
        jdock.child(
            CliFixture.config("2024-01-02T00:00:00Z", Map.of()),
            parent,
            List.of("app:1"),
            "base",
            "app");
    String message = conflict(parent, true, "image has dependent child images");
    assertError(jdock.run("rmi", parent.shortHex()), message);
    assertError(jdock.run("rmi", "-f", parent.shortHex()), message);
    // By name only the tag goes; the parent stays as an intermediate image.
    assertThat(jdock.run("rmi", "base:1").out()).isEqualTo("Untagged: base:1\n");
    assertThat(jdock.run("images", "-aq").out())
        .isEqualTo(child.shortHex() + "\n" + parent.shortHex() + "\n");
    // Deleting the child prunes the untagged parent with it; --no-prune keeps it.
    CliFixture.Run keep = jdock.run("rmi", "--no-prune", "app:1");
    assertThat(keep.out())
        .isEqualTo(
            "Untagged: app:1\nDeleted: " + child + "\nDeleted: " + chain("base", "app") + "\n");
    assertThat(jdock.run("images", "-aq").out()).isEqualTo(parent.shortHex() + "\n");
  }

  @Test
  void pruningTheUntaggedParentWithItsChild() throws Exception {
    Digest parent = image(List.of(), "base");
    Digest child =
        jdock.child(CliFixture.config(CREATED, Map.of()), parent, List.of("app:1"), "base", "app");
    assertThat(jdock.run("rmi", "app:1").out())
        .isEqualTo(
            "Untagged: app:1\nDeleted: "
                + child
                + "\nDeleted: "
                + chain("base", "app")
                + "\nDeleted: "
                + parent
                + "\nDeleted: "
                + layer("base")
                + "\n");
  }

  @Test
  void containersBlockDeletion() throws Exception {
    Digest running = image(List.of("web:1"), "web");
    Digest stopped = image(List.of("job:1"), "job");
    jdock.container('a', "web", running, CliFixture.running());
    jdock.container('b', "job", stopped, CliFixture.stopped());
    String aaaa = "a".repeat(12);
    String bbbb = "b".repeat(12);

    assertError(
        jdock.run("rmi", running.shortHex()),
        conflict(running, true, "image is being used by running container " + aaaa));
    assertError(
        jdock.run("rmi", "-f", running.shortHex()),
        conflict(running, true, "image is being used by running container " + aaaa));
    assertError(
        jdock.run("rmi", stopped.shortHex()),
        conflict(stopped, false, "image is being used by stopped container " + bbbb));
    assertError(
        jdock.run("rmi", "job:1"),
        "Error response from daemon: conflict: unable to remove repository reference \"job:1\""
            + " (must force) - container "
            + bbbb
            + " is using its referenced image "
            + stopped.shortHex());
    // Forced, the stopped container's image loses its tag and is deleted; its content stays
    // while the container exists, so no layer is reported.
    CliFixture.Run forced = jdock.run("rmi", "-f", "job:1");
    assertThat(forced.out()).isEqualTo("Untagged: job:1\nDeleted: " + stopped + "\n");
    assertThat(forced.exit()).isZero();
  }

  @Test
  void everyArgumentIsProcessedAndErrorsComeLast() throws Exception {
    Digest x = image(List.of("x:1"), "x");
    Digest y = image(List.of("y:1"), "y");
    CliFixture.Run run = jdock.run("rmi", "nope", "x:1", "sha256:abcdef0123", "y:1");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out())
        .isEqualTo(
            "Untagged: x:1\nDeleted: "
                + x
                + "\nDeleted: "
                + layer("x")
                + "\nUntagged: y:1\nDeleted: "
                + y
                + "\nDeleted: "
                + layer("y")
                + "\n");
    assertThat(run.err())
        .isEqualTo(
            "Error response from daemon: No such image: nope:latest\n"
                + "Error response from daemon: No such image: sha256:abcdef0123\n");
  }

  @Test
  void forceMakesMissingImagesAWarningButNotOtherErrors() throws Exception {
    Digest id = image(List.of("a:1", "b:1"), "ab");
    CliFixture.Run missing = jdock.run("rmi", "-f", "nope", "other");
    assertThat(missing.exit()).isZero();
    assertThat(missing.err())
        .isEqualTo(
            "Error response from daemon: No such image: nope:latest\n"
                + "Error response from daemon: No such image: other:latest\n");
    CliFixture.Run invalid = jdock.run("rmi", "-f", "nope", "Bad");
    assertThat(invalid.exit()).isEqualTo(1);
    assertThat(invalid.err())
        .isEqualTo(
            "Error response from daemon: No such image: nope:latest\n"
                + "Error response from daemon: invalid reference format: repository name"
                + " (library/Bad) must be lowercase\n");
    assertError(
        jdock.run("rmi", "nope", id.shortHex()),
        "Error response from daemon: No such image: nope:latest\n"
            + conflict(id, false, "image is referenced in multiple repositories"));
  }

  @Test
  void noArgumentIsAUsageError() {
    CliFixture.Run run = jdock.run("rmi");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err())
        .isEqualTo(
            "jdock: 'jdock rmi' requires at least 1 argument\n\nUsage:  jdock rmi [OPTIONS] IMAGE"
                + " [IMAGE...]\n\nSee 'jdock rmi --help' for more information\n");
  }
}
