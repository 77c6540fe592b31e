package io.jdock.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.Digest;
import io.jdock.oci.InvalidContentException;
import io.jdock.sys.ExtendedAttributes;
import io.jdock.sys.FileMode;
import io.jdock.sys.Posix;
import io.jdock.sys.Stat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LayerExtractorTest {
  @TempDir Path dir;
  Path rootfs;
  Path toc;
  Path sentinel;

  @BeforeEach
  void setUp() throws IOException {
    rootfs = dir.resolve("layers/rootfs");
    toc = dir.resolve("layers/toc");
    Files.createDirectories(rootfs.getParent());
    sentinel = dir.resolve("sentinel");
    Files.createDirectories(sentinel);
    Files.writeString(sentinel.resolve("keep"), "untouched");
  }

  LayerInfo extract(byte[] tar, boolean privileged) throws IOException {
    return new LayerExtractor(privileged)
        .extract(new ByteArrayInputStream(tar), rootfs, toc, Optional.empty());
  }

  Map<String, LayerEntry> tocByPath() throws IOException {
    Map<String, LayerEntry> byPath = new java.util.LinkedHashMap<>();
    for (LayerEntry e : LayerToc.read(toc).entries()) {
      byPath.put(e.path(), e);
    }
    return byPath;
  }

  Stat lstat(String path) throws IOException {
    return Posix.lstat(rootfs.resolve(path).toString());
  }

  /** Each tar tries to write into ../sentinel or through a symlink to it. */
  static Stream<Arguments> unsafeTars() {
    return Stream.of(
        unsafe("absolute name", s -> new TarBuilder().file("/etc/x", "x"), "absolute path"),
        unsafe(
            "dot-dot",
            s -> new TarBuilder().file("../../sentinel/keep", "pwned"),
            "path escapes the layer"),
        unsafe(
            "absolute PAX path",
            s -> new TarBuilder().file("harmless", "pwned").pax("path", s + "/keep"),
            "absolute path"),
        unsafe(
            "absolute GNU long name",
            s -> new TarBuilder().gnuLongNames().file(s + "/" + "x".repeat(120), "pwned"),
            "absolute path"),
        unsafe(
            "dot-dot in the middle",
            s -> new TarBuilder().file("a/../../../sentinel/keep", "pwned"),
            "path escapes the layer"),
        unsafe(
            "dot-dot via PAX path",
            s -> new TarBuilder().file("harmless", "pwned").pax("path", "../../sentinel/keep"),
            "path escapes the layer"),
        unsafe(
            "dot-dot via GNU long name",
            s -> new TarBuilder().gnuLongNames().file("../../sentinel/" + "x".repeat(120), "pwned"),
            "path escapes the layer"),
        unsafe(
            "dot-dot directory",
            s -> new TarBuilder().dir("../../sentinel/newdir"),
            "path escapes the layer"),
        unsafe(
            "file through an absolute symlink",
            s -> new TarBuilder().symlink("evil", s).file("evil/keep", "pwned"),
            "parent \"evil\" is a symlink"),
        unsafe(
            "file through a relative symlink",
            s -> new TarBuilder().symlink("evil", "../../sentinel").file("evil/keep", "pwned"),
            "parent \"evil\" is a symlink"),
        unsafe(
            "deep file through a symlink",
            s -> new TarBuilder().dir("a").symlink("a/evil", s).file("a/evil/sub/keep", "pwned"),
            "parent \"a/evil\" is a symlink"),
        unsafe(
            "directory through a symlink",
            s -> new TarBuilder().symlink("evil", s).dir("evil/newdir"),
            "parent \"evil\" is a symlink"),
        unsafe(
            "symlink through a symlink",
            s -> new TarBuilder().symlink("evil", s).symlink("evil/l", "/"),
            "parent \"evil\" is a symlink"),
        unsafe(
            "hard link through a symlink",
            s -> new TarBuilder().symlink("evil", s).hardlink("evil/h", "x"),
            "parent \"evil\" is a symlink"),
        unsafe(
            "whiteout through a symlink",
            s -> new TarBuilder().symlink("evil", s).file("evil/.wh.keep", ""),
            "parent \"evil\" is a symlink"),
        unsafe(
            "symlink replaced by a hard link to it, then used as a parent",
            s ->
                new TarBuilder()
                    .symlink("evil", s)
                    .hardlink("alias", "evil")
                    .file("alias/keep", "pwned"),
            "parent \"alias\" is a symlink"),
        unsafe(
            "absolute hard link target",
            s -> new TarBuilder().hardlink("h", s + "/keep"),
            "is absolute"),
        unsafe(
            "escaping hard link target",
            s -> new TarBuilder().hardlink("h", "../../sentinel/keep"),
            "escapes the layer"),
        unsafe(
            "hard link target through a symlink",
            s -> new TarBuilder().symlink("evil", s).hardlink("h", "evil/keep"),
            "hard link target parent \"evil\" is a symlink"),
        unsafe(
            "NUL in a PAX path",
            s -> new TarBuilder().file("x", "pwned").pax("path", "ok\0/../../sentinel/keep"),
            "NUL"));
  }

  private static Arguments unsafe(String name, Function<String, TarBuilder> tar, String reason) {
    return Arguments.of(name, tar, reason);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsafeTars")
  void refusesUnsafeEntriesAndWritesNothingOutside(
      String name, Function<String, TarBuilder> tar, String reason) throws IOException {
    byte[] patched = tar.apply(sentinel.toString()).build();
    for (boolean privileged : new boolean[] {true, false}) {
      deleteTree(rootfs);
      assertThatThrownBy(() -> extract(patched, privileged))
          .isInstanceOf(UnsafeLayerException.class)
          .hasMessageStartingWith("unsafe layer entry \"")
          .hasMessageContaining(reason);
      assertThat(Files.readString(sentinel.resolve("keep"))).isEqualTo("untouched");
      try (Stream<Path> s = Files.list(sentinel)) {
        assertThat(s).containsExactly(sentinel.resolve("keep"));
      }
      assertThat(Files.exists(dir.resolve("etc"))).isFalse();
    }
  }

  @Test
  void refusalMessageNamesTheEntryAsTheTarHasIt() {
    byte[] tar = new TarBuilder().file("../etc/passwd", "x").build();
    assertThatThrownBy(() -> extract(tar, true))
        .hasMessage("unsafe layer entry \"../etc/passwd\": path escapes the layer");
  }

  @Test
  void privilegedExtractionKeepsEverything() throws IOException {
    byte[] capability = {1, 0, 0, 2, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};
    byte[] tar =
        new TarBuilder()
            .dir("usr")
            .mode(0755)
            .owner(0, 0)
            .mtime(1_500_000_000L, 5)
            .dir("usr/bin")
            .mode(0711)
            .owner(2, 3)
            .mtime(1_500_000_001L, 250_000_000)
            .file("usr/bin/su", "su-binary")
            .mode(04755)
            .owner(0, 0)
            .file("usr/bin/wall", "wall")
            .mode(02755)
            .owner(0, 5)
            .file("usr/bin/ping", "ping")
            .mode(0755)
            .xattr("security.capability", capability)
            .xattr("trusted.note", "t".getBytes(StandardCharsets.UTF_8))
            .xattr("user.note", "u".getBytes(StandardCharsets.UTF_8))
            .dir("tmp")
            .mode(01777)
            .file("home/user/secret", "s")
            .mode(0400)
            .owner(1000, 1000)
            .mtime(1_400_000_000L, 999_999_999)
            .symlink("usr/lib64", "lib")
            .owner(7, 8)
            .mtime(1_300_000_000L, 1)
            .hardlink("usr/bin/su2", "usr/bin/su")
            .charDevice("dev/null", 1, 3)
            .mode(0666)
            .blockDevice("dev/loop0", 7, 0)
            .mode(0660)
            .owner(0, 6)
            .fifo("run/initctl")
            .mode(0600)
            .file("etc/.wh.motd", "")
            .file("var/.wh..wh..opq", "")
            .build();
    LayerInfo info = extract(tar, true);

    assertThat(lstat("usr/bin/su").permissions()).isEqualTo(04755);
    assertThat(lstat("usr/bin/wall").permissions()).isEqualTo(02755);
    assertThat(lstat("usr/bin/wall").gid()).isEqualTo(5);
    assertThat(lstat("tmp").permissions()).isEqualTo(01777);
    Stat binDir = lstat("usr/bin");
    assertThat(binDir.permissions()).isEqualTo(0711);
    assertThat(binDir.uid()).isEqualTo(2);
    assertThat(binDir.gid()).isEqualTo(3);
    // Directory times are set after their content was written.
    assertThat(binDir.mtimeSec()).isEqualTo(1_500_000_001L);
    assertThat(binDir.mtimeNsec()).isEqualTo(250_000_000L);
    assertThat(lstat("usr").mtimeNsec()).isEqualTo(5);
    Stat secret = lstat("home/user/secret");
    assertThat(secret.permissions()).isEqualTo(0400);
    assertThat(secret.uid()).isEqualTo(1000);
    assertThat(secret.mtimeSec()).isEqualTo(1_400_000_000L);
    assertThat(secret.mtimeNsec()).isEqualTo(999_999_999L);
    Stat link = lstat("usr/lib64");
    assertThat(link.isSymlink()).isTrue();
    assertThat(link.uid()).isEqualTo(7);
    assertThat(link.mtimeSec()).isEqualTo(1_300_000_000L);
    assertThat(link.mtimeNsec()).isEqualTo(1);
    assertThat(lstat("usr/bin/su2").ino()).isEqualTo(lstat("usr/bin/su").ino());
    assertThat(lstat("usr/bin/su").nlink()).isEqualTo(2);
    Stat nul = lstat("dev/null");
    assertThat(nul.type()).isEqualTo(FileMode.S_IFCHR);
    assertThat(nul.rdev()).isEqualTo(FileMode.makedev(1, 3));
    assertThat(nul.permissions()).isEqualTo(0666);
    assertThat(lstat("dev/loop0").type()).isEqualTo(FileMode.S_IFBLK);
    assertThat(lstat("dev/loop0").gid()).isEqualTo(6);
    assertThat(lstat("run/initctl").type()).isEqualTo(FileMode.S_IFIFO);
    String ping = rootfs.resolve("usr/bin/ping").toString();
    assertThat(ExtendedAttributes.lget(ping, "security.capability")).hasValue(capability);
    assertThat(ExtendedAttributes.lget(ping, "trusted.note")).isPresent();
    assertThat(ExtendedAttributes.lget(ping, "user.note")).isPresent();
    assertThat(lstat("etc/.wh.motd").isRegular()).isTrue();
    assertThat(lstat("etc/.wh.motd").size()).isZero();
    assertThat(lstat("var/.wh..wh..opq").isRegular()).isTrue();
    // Parents the tar does not list: 0755 root.
    assertThat(lstat("home").permissions()).isEqualTo(0755);
    assertThat(lstat("home/user").uid()).isZero();

    Map<String, LayerEntry> entries = tocByPath();
    // The TOC lists what the tar lists: implicit parents (and the root) are not layer entries.
    assertThat(entries.keySet())
        .containsExactly(
            "usr",
            "usr/bin",
            "usr/bin/su",
            "usr/bin/wall",
            "usr/bin/ping",
            "tmp",
            "home/user/secret",
            "usr/lib64",
            "usr/bin/su2",
            "dev/null",
            "dev/loop0",
            "run/initctl",
            "etc/.wh.motd",
            "var/.wh..wh..opq");
    assertThat(entries).doesNotContainKey("home");
    assertThat(entries.get("usr/bin/su2").linkTarget()).isEqualTo("usr/bin/su");
    assertThat(entries.get("usr/bin/su2").inRootfs()).isTrue();
    assertThat(entries.get("etc/.wh.motd").type()).isEqualTo(EntryType.WHITEOUT);
    assertThat(entries.get("var/.wh..wh..opq").type()).isEqualTo(EntryType.OPAQUE);
    assertThat(entries.get("usr/bin/ping").xattrs().get("security.capability"))
        .isEqualTo(capability);
    assertThat(info.entryCount()).isEqualTo(14);
    assertThat(info.tarSize()).isEqualTo(tar.length);
    assertThat(info.diffId()).isEqualTo(Digest.sha256(tar));
    // su (9 bytes, its hard link not again) + wall 4 + ping 4 + secret 1 + "lib" 3
    assertThat(info.contentSize()).isEqualTo(9 + 4 + 4 + 1 + 3);
    assertThat(LayerToc.read(toc).info()).isEqualTo(info);
  }

  @Test
  void unprivilegedExtractionCreatesWhatAUserCanAndRecordsTheRest() throws IOException {
    byte[] tar =
        new TarBuilder()
            .dir("locked")
            .mode(0000)
            .owner(5, 5)
            .file("locked/unreadable", "data")
            .mode(0000)
            .owner(1000, 1000)
            .file("bin/su", "su")
            .mode(04755)
            .xattr("trusted.secret", "t".getBytes(StandardCharsets.UTF_8))
            .xattr("user.kept", "u".getBytes(StandardCharsets.UTF_8))
            .charDevice("dev/null", 1, 3)
            .mode(0666)
            .fifo("run/fifo")
            .mode(0600)
            .build();
    extract(tar, false);

    assertThat(lstat("locked").permissions()).isEqualTo(0700);
    assertThat(lstat("locked/unreadable").permissions()).isEqualTo(0600);
    assertThat(Files.readString(rootfs.resolve("locked/unreadable"))).isEqualTo("data");
    assertThat(lstat("locked/unreadable").uid()).isEqualTo(Posix.geteuid());
    assertThat(lstat("bin/su").permissions()).isEqualTo(04755);
    Stat nul = lstat("dev/null");
    assertThat(nul.isRegular()).isTrue();
    assertThat(nul.size()).isZero();
    assertThat(nul.permissions()).isEqualTo(0600);
    assertThat(lstat("run/fifo").type()).isEqualTo(FileMode.S_IFIFO);
    String su = rootfs.resolve("bin/su").toString();
    assertThat(ExtendedAttributes.lget(su, "trusted.secret")).isEmpty();
    assertThat(ExtendedAttributes.lget(su, "user.kept")).isPresent();

    Map<String, LayerEntry> entries = tocByPath();
    assertThat(entries.get("locked").mode()).isZero();
    assertThat(entries.get("locked").uid()).isEqualTo(5);
    assertThat(entries.get("locked/unreadable").mode()).isZero();
    assertThat(entries.get("locked/unreadable").uid()).isEqualTo(1000);
    assertThat(entries.get("dev/null").type()).isEqualTo(EntryType.CHAR_DEVICE);
    assertThat(entries.get("dev/null").rdev()).isEqualTo(FileMode.makedev(1, 3));
    assertThat(entries.get("dev/null").mode()).isEqualTo(0666);
    assertThat(entries.get("bin/su").xattrs()).containsOnlyKeys("trusted.secret", "user.kept");
  }

  @Test
  void laterEntryReplacesEarlierAndHardLinksKeepTheOldContent() throws IOException {
    byte[] tar =
        new TarBuilder()
            .file("a", "first")
            .hardlink("b", "a")
            .hardlink("c", "a")
            .file("a", "second")
            .build();
    extract(tar, true);
    assertThat(Files.readString(rootfs.resolve("a"))).isEqualTo("second");
    assertThat(Files.readString(rootfs.resolve("b"))).isEqualTo("first");
    assertThat(lstat("b").ino()).isEqualTo(lstat("c").ino()).isNotEqualTo(lstat("a").ino());
    Map<String, LayerEntry> entries = tocByPath();
    assertThat(entries.keySet()).containsExactly("b", "c", "a");
    // b took over the first inode's entry, c now points at b.
    assertThat(entries.get("b").type()).isEqualTo(EntryType.REGULAR);
    assertThat(entries.get("b").size()).isEqualTo(5);
    assertThat(entries.get("c").type()).isEqualTo(EntryType.HARDLINK);
    assertThat(entries.get("c").linkTarget()).isEqualTo("b");
    assertThat(LayerToc.read(toc).info().contentSize()).isEqualTo(5 + 6);
  }

  @Test
  void replacingASymlinkDoesNotWriteThroughIt() throws IOException {
    String s = sentinel.toString();
    byte[] tar =
        new TarBuilder()
            .symlink("f", s + "/keep")
            .file("f", "replaced")
            .symlink("d", s)
            .dir("d")
            .file("d/keep", "inside")
            .build();
    extract(tar, true);
    assertThat(Files.readString(rootfs.resolve("f"))).isEqualTo("replaced");
    assertThat(Files.isDirectory(rootfs.resolve("d"), LinkOption.NOFOLLOW_LINKS)).isTrue();
    assertThat(Files.readString(sentinel.resolve("keep"))).isEqualTo("untouched");
  }

  @Test
  void directoryOverDirectoryMergesAndLaterAttributesWin() throws IOException {
    byte[] tar =
        new TarBuilder()
            .dir("d")
            .mode(0700)
            .owner(1, 1)
            .xattr("user.old", "1".getBytes(StandardCharsets.UTF_8))
            .file("d/a", "a")
            .dir("d")
            .mode(0750)
            .owner(2, 2)
            .xattr("user.new", "2".getBytes(StandardCharsets.UTF_8))
            .file("d/b", "b")
            .build();
    extract(tar, true);
    assertThat(Files.readString(rootfs.resolve("d/a"))).isEqualTo("a");
    assertThat(lstat("d").permissions()).isEqualTo(0750);
    assertThat(lstat("d").uid()).isEqualTo(2);
    String d = rootfs.resolve("d").toString();
    assertThat(ExtendedAttributes.lget(d, "user.old")).isEmpty();
    assertThat(ExtendedAttributes.lget(d, "user.new")).isPresent();
    assertThat(tocByPath().keySet()).containsExactly("d", "d/a", "d/b");
    assertThat(tocByPath().get("d").mode()).isEqualTo(0750);
  }

  @Test
  void nonDirectoryReplacingADirectoryRemovesItWithoutFollowingLinks() throws IOException {
    String s = sentinel.toString();
    byte[] tar =
        new TarBuilder()
            .dir("d")
            .symlink("d/out", s)
            .file("d/f", "x")
            .dir("d/sub")
            .file("d/sub/g", "y")
            .file("keep", "k")
            .hardlink("d/h", "keep")
            .file("d", "now a file")
            .build();
    extract(tar, false);
    assertThat(Files.readString(rootfs.resolve("d"))).isEqualTo("now a file");
    assertThat(Files.readString(sentinel.resolve("keep"))).isEqualTo("untouched");
    assertThat(lstat("keep").nlink()).isEqualTo(1);
    assertThat(tocByPath().keySet()).containsExactly("keep", "d");
  }

  @Test
  void theRootEntrySetsTheRootfsAttributes() throws IOException {
    byte[] tar = new TarBuilder().dir("./").mode(0750).owner(3, 4).file("a", "").build();
    extract(tar, true);
    Stat root = Posix.lstat(rootfs.toString());
    assertThat(root.permissions()).isEqualTo(0750);
    assertThat(root.uid()).isEqualTo(3);
    assertThat(tocByPath().get("").mode()).isEqualTo(0750);
  }

  @Test
  void hardLinkToALowerLayerIsRecordedNotCreated() throws IOException {
    byte[] tar =
        new TarBuilder()
            .dir("bin")
            .hardlink("bin/sh2", "bin/sh")
            .hardlink("bin/sh3", "bin/sh2")
            .build();
    extract(tar, true);
    assertThat(Files.exists(rootfs.resolve("bin/sh2"), LinkOption.NOFOLLOW_LINKS)).isFalse();
    LayerEntry sh2 = tocByPath().get("bin/sh2");
    assertThat(sh2.type()).isEqualTo(EntryType.HARDLINK);
    assertThat(sh2.linkTarget()).isEqualTo("bin/sh");
    assertThat(sh2.inRootfs()).isFalse();
    // A link to such a link resolves to the same lower path.
    assertThat(tocByPath().get("bin/sh3").linkTarget()).isEqualTo("bin/sh");
    assertThat(tocByPath().get("bin/sh3").inRootfs()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"dir-target", "self", "whiteout", "file-parent", "root-as-file"})
  void refusesInvalidEntries(String kind) {
    TarBuilder b =
        switch (kind) {
          case "dir-target" -> new TarBuilder().dir("d").hardlink("h", "d");
          case "self" -> new TarBuilder().file("h", "x").hardlink("h", "h");
          case "whiteout" -> new TarBuilder().file(".wh.x", "").hardlink("h", ".wh.x");
          case "file-parent" -> new TarBuilder().file("f", "x").file("f/g", "y");
          default -> new TarBuilder().file(".", "x");
        };
    assertThatThrownBy(() -> extract(b.build(), true))
        .isInstanceOf(InvalidContentException.class)
        .isNotInstanceOf(UnsafeLayerException.class)
        .hasMessageStartingWith("invalid layer entry \"");
  }

  @Test
  void verifiesTheDiffIdOfTheUncompressedTar() throws IOException {
    byte[] tar = new TarBuilder().file("a", "x").build();
    byte[] gz = gzip(tar);
    Digest right = Digest.sha256(tar);
    LayerInfo info =
        new LayerExtractor(true)
            .extract(new ByteArrayInputStream(gz), rootfs, toc, Optional.of(right));
    assertThat(info.diffId()).isEqualTo(right);

    deleteTree(rootfs);
    Files.delete(toc);
    Digest wrong = Digest.sha256(gz);
    assertThatThrownBy(
            () ->
                new LayerExtractor(true)
                    .extract(new ByteArrayInputStream(gz), rootfs, toc, Optional.of(wrong)))
        .isInstanceOf(DiffIdMismatchException.class)
        .hasMessage("invalid diffID for layer: expected \"" + wrong + "\", got \"" + right + "\"");
    assertThat(Files.exists(toc)).isFalse();
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void extractsEveryCompressionToTheSameDiffId(Compression c) throws IOException {
    byte[] tar = new TarBuilder().dir("d").file("d/f", "content").build();
    LayerInfo info = extract(CompressionTest.compress(c, tar), true);
    assertThat(info.diffId()).isEqualTo(Digest.sha256(tar));
    assertThat(info.tarSize()).isEqualTo(tar.length);
    assertThat(Files.readString(rootfs.resolve("d/f"))).isEqualTo("content");
  }

  @Test
  void bytesAfterTheEndOfTheTarAreHashed() throws IOException {
    byte[] tar = new TarBuilder().file("a", "x").build();
    byte[] padded = Arrays.copyOf(tar, tar.length + 4096);
    padded[padded.length - 1] = 7;
    LayerInfo info = extract(padded, true);
    assertThat(info.diffId()).isEqualTo(Digest.sha256(padded));
    assertThat(info.tarSize()).isEqualTo(padded.length);
  }

  @Test
  void corruptGzipIsInvalidContent() throws IOException {
    byte[] gz = gzip(new TarBuilder().file("a", "x".repeat(10_000)).build());
    gz[gz.length - 6] ^= 0x55; // the CRC trailer
    assertThatThrownBy(() -> extract(gz, true)).isInstanceOf(InvalidContentException.class);
  }

  @Test
  void rootfsMustBeEmpty() throws IOException {
    Files.createDirectories(rootfs);
    Files.writeString(rootfs.resolve("x"), "");
    assertThatThrownBy(() -> extract(new TarBuilder().file("a", "").build(), true))
        .hasMessageContaining("not empty");
  }

  @Test
  void doesNotCloseTheCallersStream() throws IOException {
    boolean[] closed = {false};
    ByteArrayInputStream in =
        new ByteArrayInputStream(new TarBuilder().file("a", "").build()) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };
    new LayerExtractor(true).extract(in, rootfs, toc, Optional.empty());
    assertThat(closed[0]).isFalse();
  }

  @Test
  void sparseFilesFromGnuTarAreWrittenWithTheirHolesAsZeros() throws Exception {
    Path src = dir.resolve("src");
    Files.createDirectories(src);
    try (var f = new java.io.RandomAccessFile(src.resolve("sparse").toFile(), "rw")) {
      f.setLength(8L << 20);
      f.seek(3L << 20);
      f.write("middle".getBytes(StandardCharsets.UTF_8));
      f.seek((8L << 20) - 3);
      f.write("end".getBytes(StandardCharsets.UTF_8));
    }
    byte[] expected = Files.readAllBytes(src.resolve("sparse"));
    for (String format : List.of("gnu", "posix")) {
      Path tar = dir.resolve(format + ".tar");
      Process p =
          new ProcessBuilder(
                  "tar",
                  "--sparse",
                  "--format=" + format,
                  "-C",
                  src.toString(),
                  "-cf",
                  tar.toString(),
                  "sparse")
              .inheritIO()
              .start();
      assertThat(p.waitFor()).isZero();
      deleteTree(rootfs);
      extract(Files.readAllBytes(tar), true);
      assertThat(Files.readAllBytes(rootfs.resolve("sparse"))).isEqualTo(expected);
      assertThat(tocByPath().get("sparse").size()).isEqualTo(8L << 20);
      assertThat(lstat("sparse").blocks() * 512).isLessThan(1L << 20);
    }
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
