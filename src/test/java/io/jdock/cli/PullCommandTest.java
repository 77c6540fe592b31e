package io.jdock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.container.TarImage;
import io.jdock.oci.Digest;
import io.jdock.registry.FakeRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The pull and push commands end to end against an in-process registry: what they print, and where
 * docker's daemon prefix goes (before its progress stream) and where it does not (after).
 */
class PullCommandTest {
  @TempDir Path root;
  private FakeRegistry reg;
  private String out;
  private String err;

  @BeforeEach
  void start() throws Exception {
    reg = new FakeRegistry();
  }

  @AfterEach
  void stop() {
    reg.close();
  }

  private int jdock(String... args) {
    CommandLine cl = Main.newCommandLine();
    StringWriter o = new StringWriter();
    StringWriter e = new StringWriter();
    cl.setOut(new PrintWriter(o));
    cl.setErr(new PrintWriter(e));
    List<String> all = new ArrayList<>(List.of("--root", root.toString()));
    all.addAll(List.of(args));
    int code = cl.execute(all.toArray(String[]::new));
    out = o.toString();
    err = e.toString();
    return code;
  }

  @Test
  void pullPrintsDockersLinesAndTheCanonicalReference() throws Exception {
    TarImage image = TarImage.of("amd64", "one\n");
    Digest digest = image.pushTo(reg, "foo", "latest");

    assertThat(jdock("pull", reg.host() + "/foo")).isZero();

    String id = image.layerDigest(0).shortHex();
    assertThat(out.lines())
        .containsExactly(
            "Using default tag: latest",
            "latest: Pulling from foo",
            id + ": Pulling fs layer",
            id + ": Verifying Checksum",
            id + ": Download complete",
            id + ": Pull complete",
            "Digest: " + digest,
            "Status: Downloaded newer image for " + reg.host() + "/foo:latest",
            reg.host() + "/foo:latest");
    assertThat(err).isEmpty();
    assertThat(Files.readString(root.resolve("index.json"))).contains(reg.host() + "/foo:latest");
  }

  @Test
  void quietPrintsOnlyTheReference() throws Exception {
    TarImage.of("amd64", "one\n").pushTo(reg, "foo", "1");

    assertThat(jdock("pull", "-q", reg.host() + "/foo:1")).isZero();

    assertThat(out).isEqualTo(reg.host() + "/foo:1\n");
  }

  @Test
  void failuresBeforeTheStreamAreDaemonErrors() {
    TarImage.of("amd64", "one\n").pushTo(reg, "foo", "latest");

    assertThat(jdock("pull", reg.host() + "/foo:nope")).isEqualTo(1);

    assertThat(err)
        .isEqualTo(
            "Error response from daemon: manifest for "
                + reg.host()
                + "/foo:nope not found: manifest unknown: manifest unknown\n");
    assertThat(out).isEmpty();
  }

  @Test
  void failuresInTheStreamArePrintedAsTheyAre() throws Exception {
    TarImage image = TarImage.of("amd64", "one\n");
    image.pushTo(reg, "foo", "latest");
    reg.serveInstead(image.layerDigest(0), new byte[image.layers().get(0).length]);

    assertThat(jdock("pull", reg.host() + "/foo")).isEqualTo(1);

    assertThat(err)
        .isEqualTo(
            "filesystem layer verification failed for digest " + image.layerDigest(0) + "\n");
    assertThat(out).contains("latest: Pulling from foo");
  }

  @Test
  void clientAndDaemonChecksUseDockersWords() {
    assertThat(jdock("pull", "-a", "foo:1")).isEqualTo(1);
    assertThat(err).isEqualTo("tag can't be used with --all-tags/-a\n");

    assertThat(jdock("pull", "scratch")).isEqualTo(1);
    assertThat(out).isEqualTo("Using default tag: latest\n");
    assertThat(err).isEqualTo("Error response from daemon: 'scratch' is a reserved name\n");

    assertThat(jdock("pull", "Foo")).isEqualTo(1);
    assertThat(err)
        .isEqualTo("invalid reference format: repository name (library/Foo) must be lowercase\n");

    assertThat(jdock("pull", "--max-concurrent-downloads", "0", "foo")).isEqualTo(125);
    assertThat(err)
        .startsWith(
            "invalid argument \"0\" for \"--max-concurrent-downloads\" flag: must be at least 1\n");
  }

  @Test
  void pushOfAMissingImageFailsInTheStream() {
    assertThat(jdock("push", reg.host() + "/nothing")).isEqualTo(1);

    assertThat(out)
        .isEqualTo(
            "Using default tag: latest\nThe push refers to repository ["
                + reg.host()
                + "/nothing]\n");
    assertThat(err)
        .isEqualTo("An image does not exist locally with the tag: " + reg.host() + "/nothing\n");
  }

  @Test
  void pushedImageIsTheStoredOne() throws Exception {
    TarImage image = TarImage.of("amd64", "one\n");
    Digest digest = image.pushTo(reg, "foo", "latest");
    assertThat(jdock("pull", "-q", reg.host() + "/foo")).isZero();

    assertThat(jdock("push", "-q", reg.host() + "/foo")).isZero();

    assertThat(out).isEqualTo(reg.host() + "/foo:latest\n");
    assertThat(reg.manifest("foo", "latest")).isEqualTo(image.manifest());
    assertThat(Digest.sha256(reg.manifest("foo", "latest"))).isEqualTo(digest);
  }
}
