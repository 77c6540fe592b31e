package io.jdock.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.Digest;
import io.jdock.sys.ExtendedAttributes;
import io.jdock.sys.Posix;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerTarWriterTest {
  @TempDir Path dir;

  static final String LONG = "opt/" + "long-directory-name-for-pax/".repeat(5) + "file";

  /** A layer with every kind of entry, names in the order a tree walk gives. */
  static byte[] sampleLayer() {
    byte[] cap = {1, 0, 0, 2, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    return new TarBuilder()
        .file(".wh.removed", "")
        .mode(0600)
        .dir("bin")
        .mode(0755)
        .mtime(1_600_000_000L, 123)
        .file("bin/ping", "ping")
        .mode(0755)
        .xattr("security.capability", cap)
        .xattr("user.note", "n".getBytes(StandardCharsets.UTF_8))
        .file("bin/su", "su")
        .mode(04755)
        .owner(0, 0)
        .hardlink("bin/su2", "bin/su")
        .symlink("bin/sym", "su")
        .owner(3, 4)
        .mtime(1_500_000_000L, 7)
        .charDevice("dev/null", 1, 3)
        .mode(0666)
        .blockDevice("dev/sda", 8, 0)
        .fifo("dev/z-fifo")
        .dir("etc")
        .mode(0700)
        .owner(100_000, 3_000_000)
        .file("etc/.wh..wh..opq", "")
        .mode(0600)
        .file("etc/big-ids", "x")
        .owner(3_000_000, 3_000_001)
        .file(LONG, "long")
        .mtime(1_700_000_000L, 999_999_999)
        .build();
  }

  LayerToc.Toc extract(InputStream blob, String name, boolean privileged) throws IOException {
    Path rootfs = dir.resolve(name);
    Path toc = dir.resolve(name + ".toc");
    new LayerExtractor(privileged).extract(blob, rootfs, toc, Optional.empty());
    return LayerToc.read(toc);
  }

  @Test
  void treeWrittenAndExtractedAgainGivesTheSameToc() throws IOException {
    LayerToc.Toc first = extract(new ByteArrayInputStream(sampleLayer()), "one", true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LayerTarWriter.Written written = LayerTarWriter.writeTree(dir.resolve("one"), out, false);
    LayerToc.Toc second = extract(new ByteArrayInputStream(out.toByteArray()), "two", true);
    // The written tree lists every directory, also those the first tar left implicit.
    assertThat(second.entries())
        .filteredOn(e -> first.entries().stream().anyMatch(f -> f.path().equals(e.path())))
        .containsExactlyElementsOf(first.entries());
    assertThat(second.entries())
        .filteredOn(e -> first.entries().stream().noneMatch(f -> f.path().equals(e.path())))
        .isNotEmpty()
        .allSatisfy(
            e -> {
              assertThat(e.type()).isEqualTo(EntryType.DIRECTORY);
              assertThat(e.mode()).isEqualTo(0755);
              assertThat(e.mtimeSec()).isZero();
            });
    assertThat(second.info().contentSize()).isEqualTo(first.info().contentSize());
    assertThat(written.diffId()).isEqualTo(Digest.sha256(out.toByteArray()));
    assertThat(written.blobDigest()).isEqualTo(written.diffId());
    assertThat(written.tarSize()).isEqualTo(out.size()).isEqualTo(written.blobSize());
    assertThat(second.info().diffId()).isEqualTo(written.diffId());
  }

  @Test
  void entriesFromAnUnprivilegedExtractionKeepTheImagesRealAttributes() throws IOException {
    LayerToc.Toc unprivileged = extract(new ByteArrayInputStream(sampleLayer()), "user", false);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LayerTarWriter.writeEntries(
        unprivileged.entries(),
        LayerTarWriter.ContentSource.directory(dir.resolve("user")),
        out,
        false);
    LayerToc.Toc again = extract(new ByteArrayInputStream(out.toByteArray()), "root", true);
    assertThat(again.entries()).containsExactlyElementsOf(unprivileged.entries());
    // The privileged extraction of that tar has the real owners and devices on disk.
    assertThat(Posix.lstat(dir.resolve("root/etc/big-ids").toString()).uid()).isEqualTo(3_000_000);
    assertThat(Posix.lstat(dir.resolve("root/dev/null").toString()).rdev())
        .isEqualTo(
            unprivileged.entries().stream()
                .filter(e -> e.path().equals("dev/null"))
                .findFirst()
                .orElseThrow()
                .rdev());
  }

  @Test
  void gzipOutputReportsBothDigests() throws IOException {
    extract(new ByteArrayInputStream(sampleLayer()), "one", true);
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    LayerTarWriter.Written p = LayerTarWriter.writeTree(dir.resolve("one"), plain, false);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    LayerTarWriter.Written g = LayerTarWriter.writeTree(dir.resolve("one"), gz, true);
    assertThat(g.diffId()).isEqualTo(p.diffId());
    assertThat(g.tarSize()).isEqualTo(p.tarSize());
    assertThat(g.blobDigest()).isEqualTo(Digest.sha256(gz.toByteArray()));
    assertThat(g.blobSize()).isEqualTo(gz.size());
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gz.toByteArray()))) {
      assertThat(in.readAllBytes()).isEqualTo(plain.toByteArray());
    }
    LayerToc.Toc fromGzip = extract(new ByteArrayInputStream(gz.toByteArray()), "gz", true);
    assertThat(fromGzip.info().diffId()).isEqualTo(p.diffId());
  }

  @Test
  void outputIsDeterministic() throws IOException {
    extract(new ByteArrayInputStream(sampleLayer()), "one", true);
    ByteArrayOutputStream a = new ByteArrayOutputStream();
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    LayerTarWriter.writeTree(dir.resolve("one"), a, true);
    LayerTarWriter.writeTree(dir.resolve("one"), b, true);
    assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
  }

  @Test
  void headersAsAnIndependentReaderSeesThem() throws IOException {
    extract(new ByteArrayInputStream(sampleLayer()), "one", true);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LayerTarWriter.writeTree(dir.resolve("one"), out, false);
    Map<String, TarArchiveEntry> byName = new java.util.HashMap<>();
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream tar =
        new TarArchiveInputStream(new ByteArrayInputStream(out.toByteArray()), "UTF-8")) {
      for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
        byName.put(e.getName(), e);
        names.add(e.getName());
      }
    }
    assertThat(names).startsWith(".wh.removed", "bin/", "bin/ping", "bin/su", "bin/su2");
    assertThat(names).doesNotContain("./", "").contains(LONG, "etc/.wh..wh..opq", "opt/");
    assertThat(byName.get("bin/su2").isLink()).isTrue();
    assertThat(byName.get("bin/su2").getLinkName()).isEqualTo("bin/su");
    assertThat(byName.get("bin/sym").isSymbolicLink()).isTrue();
    assertThat(byName.get("dev/null").isCharacterDevice()).isTrue();
    assertThat(byName.get("dev/null").getDevMinor()).isEqualTo(3);
    assertThat(byName.get("dev/sda").isBlockDevice()).isTrue();
    assertThat(byName.get("dev/z-fifo").isFIFO()).isTrue();
    assertThat(byName.get("bin/su").getMode() & 07777).isEqualTo(04755);
    assertThat(byName.get("etc/").getLongUserId()).isEqualTo(100_000);
    assertThat(byName.get("etc/").getLongGroupId()).isEqualTo(3_000_000);
    assertThat(byName.get("etc/big-ids").getLongUserId()).isEqualTo(3_000_000);
    assertThat(byName.get(LONG).getLastModifiedTime().toInstant().getNano()).isEqualTo(999_999_999);
    assertThat(byName.get("bin/").getLastModifiedTime().toInstant().getNano()).isEqualTo(123);
    assertThat(byName.get("bin/ping").getExtraPaxHeaders()).containsKey("SCHILY.xattr.user.note");
  }

  @Test
  void gnuTarReadsTheOutput() throws Exception {
    extract(new ByteArrayInputStream(sampleLayer()), "one", true);
    Path tar = dir.resolve("out.tar");
    try (var out = Files.newOutputStream(tar)) {
      LayerTarWriter.writeTree(dir.resolve("one"), out, false);
    }
    Path target = dir.resolve("gnu");
    Files.createDirectories(target);
    Process p =
        new ProcessBuilder(
                "tar",
                "--xattrs",
                "--xattrs-include=*",
                "-xpf",
                tar.toString(),
                "-C",
                target.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(output).isZero();
    assertThat(output).isEmpty();
    assertThat(Files.readString(target.resolve(LONG))).isEqualTo("long");
    assertThat(Posix.lstat(target.resolve("bin/su2").toString()).ino())
        .isEqualTo(Posix.lstat(target.resolve("bin/su").toString()).ino());
    assertThat(ExtendedAttributes.lget(target.resolve("bin/ping").toString(), "user.note"))
        .isPresent();
  }

  @Test
  void contentShorterThanItsSizeFails() {
    LayerEntry e =
        new LayerEntry("f", EntryType.REGULAR, 0644, 0, 0, 10, 0, 0, null, 0, Map.of(), true);
    assertThatThrownBy(
            () ->
                LayerTarWriter.writeEntries(
                    List.of(e),
                    x -> new ByteArrayInputStream(new byte[3]),
                    new ByteArrayOutputStream(),
                    false))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("f is shorter than its size 10");
  }
}
