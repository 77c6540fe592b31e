package io.jdock.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jdock.layer.LayerTarWriter;
import io.jdock.oci.Descriptor;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.MediaType;
import io.jdock.oci.OciJson;
import io.jdock.reference.ImageReference;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ImageStore;
import io.jdock.store.StorePaths;
import io.jdock.store.StoredBlob;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The container commands' output and errors, through the real command line (no container runs). */
class ContainerCommandsTest {
  @TempDir Path tmp;
  private Path root;

  private record Result(int code, String out, String err) {}

  private Result jdock(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.newCommandLine();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 2];
    all[0] = "--root";
    all[1] = root.toString();
    System.arraycopy(args, 0, all, 2, args.length);
    int code = cl.execute(all);
    return new Result(code, out.toString(), err.toString());
  }

  @BeforeEach
  void image() throws Exception {
    root = tmp.resolve("store");
    Path layer = Files.createDirectories(tmp.resolve("layer/etc"));
    Files.writeString(layer.resolve("os-release"), "ID=test\n");
    try (ImageStore store = ImageStore.open(StorePaths.of(root))) {
      ByteArrayOutputStream tar = new ByteArrayOutputStream();
      LayerTarWriter.Written w = LayerTarWriter.writeTree(layer.getParent(), tar, false);
      StoredBlob blob = store.blobs().putBytes(tar.toByteArray());
      ObjectNode config = OciJson.mapper().createObjectNode();
      config.put("architecture", "amd64").put("os", "linux");
      config.putObject("config").putArray("Cmd").add("/bin/bash");
      ObjectNode rootfs = config.putObject("rootfs").put("type", "layers");
      rootfs.putArray("diff_ids").add(w.diffId().toString());
      StoredBlob c = store.blobs().putBytes(OciJson.write(config));
      StoredBlob m =
          store
              .blobs()
              .putBytes(
                  OciJson.write(
                      ImageManifest.oci(
                          Descriptor.of(MediaType.OCI_CONFIG, c.digest(), c.size()),
                          List.of(
                              Descriptor.of(MediaType.OCI_LAYER, blob.digest(), blob.size())))));
      store.addImage(
          Descriptor.of(MediaType.OCI_MANIFEST, m.digest(), m.size()),
          List.of(ImageReference.parse("testimg")),
          Map.of());
    }
  }

  private ContainerRecord record(String name) throws Exception {
    try (ImageStore store = ImageStore.open(StorePaths.of(root))) {
      return store.containers().find(name).orElseThrow();
    }
  }

  @Test
  void createPrintsTheIdAndTheCommandKeepsItsOwnOptions() throws Exception {
    Result r = jdock("create", "--name", "web", "-e", "A=1", "testimg", "ls", "-l", "--all");
    assertThat(r.code()).isZero();
    assertThat(r.out().strip()).matches("[0-9a-f]{64}");
    ContainerRecord web = record("web");
    assertThat(web.id()).isEqualTo(r.out().strip());
    assertThat(web.command()).containsExactly("ls", "-l", "--all");
    assertThat(web.config().env()).containsExactly("A=1");
  }

  @Test
  void psListsRunningOnlyUnlessAll() throws Exception {
    jdock("create", "--name", "web", "testimg");
    assertThat(jdock("ps").out())
        .isEqualTo("CONTAINER ID   IMAGE     COMMAND   CREATED   STATUS    PORTS     NAMES\n");
    String id = record("web").shortId();
    List<String> lines = jdock("ps", "-a").out().lines().toList();
    assertThat(lines).hasSize(2);
    assertThat(lines.get(1))
        .matches(
            id
                + " {3}testimg {3}\"/bin/bash\" {3}(Less than a second|\\d+ seconds?) ago"
                + " +Created +web");
    assertThat(jdock("ps", "-aq").out()).isEqualTo(id + "\n");
    assertThat(jdock("container", "ls", "-a", "--format", "{{.Names}} {{.State}}").out())
        .isEqualTo("web created\n");
    assertThat(jdock("container", "list", "-aq", "--no-trunc").out())
        .isEqualTo(record("web").id() + "\n");
  }

  @Test
  void rmEchoesEachArgumentAndReportsTheMissingOnes() throws Exception {
    jdock("create", "--name", "one", "testimg");
    jdock("create", "--name", "two", "testimg");
    String two = record("two").id().substring(0, 8);
    Result r = jdock("rm", "one", "nothere", two);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEqualTo("one\n" + two + "\n");
    assertThat(r.err()).isEqualTo("Error response from daemon: No such container: nothere\n");
    assertThat(jdock("container", "rm", "x").err())
        .isEqualTo("Error response from daemon: No such container: x\n");
    // docker's rm -f reports a missing container but does not fail for it
    Result forced = jdock("rm", "-f", "gone");
    assertThat(forced.code()).isZero();
    assertThat(forced.out()).isEmpty();
    assertThat(forced.err()).isEqualTo("Error response from daemon: No such container: gone\n");
  }

  @Test
  void createErrorsAreDockersRunErrors() {
    Result r = jdock("create", "nothere");
    assertThat(r.code()).isEqualTo(125);
    assertThat(r.err())
        .isEqualTo(
            "jdock: Error response from daemon: No such image: nothere:latest\n\n"
                + "Run 'jdock create --help' for more information\n");
    Result bad = jdock("run", "-w", "rel", "testimg");
    assertThat(bad.code()).isEqualTo(125);
    assertThat(bad.err())
        .startsWith(
            "jdock: Error response from daemon: the working directory 'rel' is invalid, it needs"
                + " to be an absolute path");
  }

  @Test
  void aTerminalNeedsATerminalAsStdin() {
    Result r = jdock("run", "-it", "--rm", "testimg");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("the input device is not a TTY\n");
    assertThat(jdock("exec", "-it", "x", "sh").err()).isEqualTo("the input device is not a TTY\n");
  }

  @Test
  void usageErrorsAndBadFilters() {
    Result r = jdock("rm");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("jdock: 'jdock rm' requires at least 1 argument");
    Result f = jdock("ps", "--filter", "colour=red");
    assertThat(f.code()).isEqualTo(1);
    assertThat(f.err()).isEqualTo("Error response from daemon: invalid filter 'colour'\n");
    Result k = jdock("kill", "--signal", "NOPE", "x");
    assertThat(k.err()).isEqualTo("Error response from daemon: invalid signal: NOPE\n");
  }

  @Test
  void killOfAContainerThatDoesNotRunIsRefused() throws Exception {
    jdock("create", "--name", "idle", "testimg");
    Result r = jdock("kill", "idle");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "Error response from daemon: cannot kill container: idle: container "
                + record("idle").id()
                + " is not running\n");
    assertThat(jdock("stop", "idle").out()).isEqualTo("idle\n");
  }
}
