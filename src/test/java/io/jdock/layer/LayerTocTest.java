package io.jdock.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.Digest;
import io.jdock.oci.InvalidContentException;
import io.jdock.sys.FileMode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerTocTest {
  @TempDir Path dir;

  static final LayerInfo INFO =
      new LayerInfo(Digest.sha256("tar".getBytes(StandardCharsets.UTF_8)), 10_240, 5L << 32, 10);

  static List<LayerEntry> sample() {
    byte[] cap = {1, 0, 0, 2, (byte) 0x80, (byte) 0xff, 0, 0};
    return List.of(
        new LayerEntry("", EntryType.DIRECTORY, 0755, 0, 0, 0, 0, 0, null, 0, Map.of(), true),
        new LayerEntry(
            "usr/bin/ping",
            EntryType.REGULAR,
            04755,
            -2, // uid 4294967294 (nobody on some systems) survives as unsigned
            65534,
            6L << 30, // more than 4 GiB
            1_700_000_000L,
            999_999_999,
            null,
            0,
            Map.of("security.capability", cap, "user.é", new byte[0]),
            true),
        new LayerEntry(
            "usr/bin/pong",
            EntryType.HARDLINK,
            0644,
            0,
            0,
            0,
            -86_400, // before 1970
            1,
            "usr/bin/ping",
            0,
            Map.of(),
            true),
        new LayerEntry(
            "usr/lib/x", EntryType.HARDLINK, 0644, 0, 0, 0, 0, 0, "lower/x", 0, Map.of(), false),
        new LayerEntry(
            "usr/lib64", EntryType.SYMLINK, 0777, 0, 0, 0, 1, 0, "lib", 0, Map.of(), true),
        new LayerEntry(
            "dev/sda",
            EntryType.BLOCK_DEVICE,
            0660,
            0,
            6,
            0,
            0,
            0,
            null,
            FileMode.makedev(8, 0),
            Map.of(),
            true),
        new LayerEntry(
            "dev/null",
            EntryType.CHAR_DEVICE,
            0666,
            0,
            0,
            0,
            0,
            0,
            null,
            FileMode.makedev(1, 3),
            Map.of(),
            true),
        new LayerEntry("run/f", EntryType.FIFO, 0600, 0, 0, 0, 0, 0, null, 0, Map.of(), true),
        new LayerEntry(
            "日本/.wh.ファイル", EntryType.WHITEOUT, 0600, 0, 0, 0, 0, 0, null, 0, Map.of(), true),
        new LayerEntry(
            "a/" + "deep/".repeat(300) + ".wh..wh..opq",
            EntryType.OPAQUE,
            0,
            0,
            0,
            0,
            0,
            0,
            null,
            0,
            Map.of(),
            true));
  }

  @Test
  void roundTripsEveryField() throws IOException {
    Path toc = dir.resolve("toc");
    LayerToc.write(toc, INFO, sample());
    LayerToc.Toc read = LayerToc.read(toc);
    assertThat(read.info()).isEqualTo(INFO);
    assertThat(read.entries()).isEqualTo(sample());
    assertThat(read.entries().get(1).uid()).isEqualTo(-2);
    assertThat(read.entries().get(1).xattrs().get("security.capability"))
        .isEqualTo(sample().get(1).xattrs().get("security.capability"));
    try (Stream<Path> s = Files.list(dir)) {
      assertThat(s).containsExactly(toc); // no temp file left
    }
  }

  @Test
  void isCompact() throws IOException {
    List<LayerEntry> entries = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      entries.add(
          new LayerEntry(
              "usr/share/doc/package-" + i + "/copyright",
              EntryType.REGULAR,
              0644,
              0,
              0,
              1234,
              1_700_000_000L,
              0,
              null,
              0,
              Map.of(),
              true));
    }
    Path toc = dir.resolve("toc");
    LayerToc.write(toc, new LayerInfo(INFO.diffId(), 1, 1, 1000), entries);
    // Shared path prefixes and varints: far less than the ~40-byte paths alone would take.
    assertThat(Files.size(toc)).isLessThan(1000 * 30);
    assertThat(LayerToc.read(toc).entries()).isEqualTo(entries);
  }

  @Test
  void replacesAnExistingToc() throws IOException {
    Path toc = dir.resolve("toc");
    LayerToc.write(toc, INFO, sample());
    List<LayerEntry> one = sample().subList(0, 1);
    LayerInfo info = new LayerInfo(INFO.diffId(), 1, 0, 1);
    LayerToc.write(toc, info, one);
    assertThat(LayerToc.read(toc).entries()).isEqualTo(one);
  }

  @Test
  void everyTruncationIsRefused() throws IOException {
    Path toc = dir.resolve("toc");
    LayerToc.write(toc, INFO, sample());
    byte[] bytes = Files.readAllBytes(toc);
    for (int length = 0; length < bytes.length; length++) {
      byte[] cut = Arrays.copyOf(bytes, length);
      assertThatThrownBy(() -> TocDecoder.decode(cut, "cut"))
          .isInstanceOf(InvalidContentException.class)
          .hasMessageStartingWith("corrupt layer TOC cut: ");
    }
    Path cut = dir.resolve("cut");
    Files.write(cut, Arrays.copyOf(bytes, bytes.length - 1));
    assertThatThrownBy(() -> LayerToc.read(cut))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageStartingWith("corrupt layer TOC " + cut + ": ");
  }

  @Test
  void everyFlippedByteIsRefused() throws IOException {
    Path toc = dir.resolve("toc");
    LayerToc.write(toc, INFO, sample());
    byte[] bytes = Files.readAllBytes(toc);
    for (int i = 0; i < bytes.length; i++) {
      byte[] copy = bytes.clone();
      copy[i] ^= 0x24;
      assertThatThrownBy(() -> TocDecoder.decode(copy, "bad"))
          .isInstanceOf(InvalidContentException.class);
    }
  }

  @Test
  void foreignFilesAndOtherVersionsAreRefused() throws IOException {
    Path toc = dir.resolve("toc");
    Files.writeString(toc, "{\"not\": \"a toc at all, but long enough\"}");
    assertThatThrownBy(() -> LayerToc.read(toc)).hasMessageContaining("not a layer TOC");
    LayerToc.write(toc, INFO, sample());
    byte[] bytes = Files.readAllBytes(toc);
    bytes[11] = 2; // version 2
    Files.write(toc, bytes);
    assertThatThrownBy(() -> LayerToc.read(toc)).hasMessageContaining("unsupported TOC version 2");
  }

  @Test
  void refusesAnEntryCountThatDisagrees() {
    assertThatThrownBy(() -> LayerToc.write(dir.resolve("toc"), INFO, sample().subList(0, 2)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
