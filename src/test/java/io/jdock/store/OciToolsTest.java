package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.reference.ImageReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store is an OCI image layout other tools use directly: umoci lists jdock's tags, skopeo
 * copies images out of it and into it, and jdock sees what skopeo wrote.
 */
class OciToolsTest {
  @TempDir Path dir;

  private String run(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as("%s failed:%n%s", String.join(" ", command), output).isZero();
    return output;
  }

  private static List<String> lines(String output) {
    return Arrays.stream(output.split("\n")).filter(l -> !l.isBlank()).sorted().toList();
  }

  @Test
  void umociListsJdocksReferencesAndSkopeoCopiesThemOut() throws Exception {
    Path root = dir.resolve("store");
    String digestRef = TestImages.digestRef("a", "registry");
    try (ImageStore store = ImageStore.open(StorePaths.of(root))) {
      TestImages.add(store, "a", List.of("a", "localhost:5000/b:1", digestRef), "l1", "l2");
      TestImages.add(store, "dangling", List.of(), "l3");
    }
    assertThat(lines(run("umoci", "ls", "--layout", root.toString())))
        .containsExactly(
            "docker.io/library/a:latest",
            TestImages.ref(digestRef).toString(),
            "localhost:5000/b:1");
    Path out = dir.resolve("out");
    run("skopeo", "copy", "oci:" + root + ":localhost:5000/b:1", "oci:" + out + ":copied");
    assertThat(lines(run("umoci", "ls", "--layout", out.toString()))).containsExactly("copied");
    run("skopeo", "copy", "oci:" + root + ":" + TestImages.ref(digestRef), "oci:" + out + ":d");
  }

  @Test
  void imagesSkopeoCopiesInAreJdockImages() throws Exception {
    Path src = dir.resolve("src");
    run("umoci", "init", "--layout", src.toString());
    run("umoci", "new", "--image", src + ":x");
    Path content = Files.createDirectories(dir.resolve("content"));
    Files.writeString(content.resolve("hello.txt"), "hello\n");
    Path tar = dir.resolve("layer.tar");
    run("tar", "-C", content.toString(), "-cf", tar.toString(), "hello.txt");
    run("umoci", "raw", "add-layer", "--image", src + ":x", tar.toString());

    Path root = dir.resolve("store");
    TestImages.Built mine;
    try (ImageStore store = ImageStore.open(StorePaths.of(root))) {
      mine = TestImages.add(store, "mine", List.of("mine"), "l");
    }
    run("skopeo", "copy", "oci:" + src + ":x", "oci:" + root + ":y");
    run("skopeo", "copy", "oci:" + src + ":x", "oci:" + root + ":docker.io/library/z:2");

    try (ImageStore store = ImageStore.open(StorePaths.of(root))) {
      List<Image> images = store.images();
      assertThat(images).hasSize(2);
      Image copied = store.find("y").orElseThrow();
      List<String> refs = new ArrayList<>();
      copied.references().forEach(r -> refs.add(r.toString()));
      assertThat(refs).containsExactly("docker.io/library/y:latest", "docker.io/library/z:2");
      assertThat(copied.diffIds()).hasSize(1);
      // umoci gzips the layer; not extracted, the image's size is the blob's.
      assertThat(copied.manifest().value().layers().get(0).mediaType().value()).endsWith("+gzip");
      assertThat(copied.size()).isEqualTo(copied.manifest().value().layers().get(0).size());
      assertThat(store.find("mine").map(Image::id)).contains(mine.id());
      // jdock's own changes keep working on what skopeo wrote.
      store.tag(copied, ImageReference.parse("jdock-tag"));
      new ImageRemover(store).remove("mine", false, true);
    }
    assertThat(lines(run("umoci", "ls", "--layout", root.toString())))
        .containsExactly("docker.io/library/jdock-tag:latest", "docker.io/library/z:2", "y");
  }
}
