package io.jdock.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.InvalidContentException;
import io.jdock.sys.FileMode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayerReaderTest {
  private static final String LONG =
      "usr/share/" + "very-long-directory-name/".repeat(6) + "file-with-a-long-name.txt";

  static List<LayerReader.Item> items(byte[] tar) throws IOException {
    List<LayerReader.Item> items = new ArrayList<>();
    try (LayerReader reader = new LayerReader(new ByteArrayInputStream(tar))) {
      for (Optional<LayerReader.Item> i = reader.next(); i.isPresent(); i = reader.next()) {
        items.add(i.get());
      }
    }
    return items;
  }

  static List<LayerEntry> entries(byte[] tar) throws IOException {
    return items(tar).stream().map(LayerReader.Item::entry).toList();
  }

  @Test
  void readsEveryEntryKindWithItsAttributes() throws IOException {
    byte[] tar =
        new TarBuilder()
            .dir("./")
            .dir("./etc")
            .mode(0750)
            .owner(0, 42)
            .file("./etc/passwd", "root:x:0:0")
            .mode(04755)
            .owner(1000, 1001)
            .symlink("etc/link", "../usr/bin")
            .hardlink("etc/hard", "./etc/passwd")
            .charDevice("dev/null", 1, 3)
            .blockDevice("dev/sda", 8, 0)
            .fifo("run/fifo")
            .build();
    List<LayerEntry> e = entries(tar);
    assertThat(e)
        .extracting(LayerEntry::path)
        .containsExactly(
            "", "etc", "etc/passwd", "etc/link", "etc/hard", "dev/null", "dev/sda", "run/fifo");
    assertThat(e)
        .extracting(LayerEntry::type)
        .containsExactly(
            EntryType.DIRECTORY,
            EntryType.DIRECTORY,
            EntryType.REGULAR,
            EntryType.SYMLINK,
            EntryType.HARDLINK,
            EntryType.CHAR_DEVICE,
            EntryType.BLOCK_DEVICE,
            EntryType.FIFO);
    assertThat(e.get(1).mode()).isEqualTo(0750);
    assertThat(e.get(1).gid()).isEqualTo(42);
    assertThat(e.get(2).mode()).isEqualTo(04755);
    assertThat(e.get(2).uid()).isEqualTo(1000);
    assertThat(e.get(2).size()).isEqualTo(10);
    assertThat(e.get(2).mtimeSec()).isEqualTo(1_600_000_000L);
    assertThat(e.get(3).linkTarget()).isEqualTo("../usr/bin");
    assertThat(e.get(4).linkTarget()).isEqualTo("etc/passwd");
    assertThat(e.get(5).rdev()).isEqualTo(FileMode.makedev(1, 3));
    assertThat(e.get(6).rdev()).isEqualTo(FileMode.makedev(8, 0));
  }

  @Test
  void contentIsTheEntryData() throws IOException {
    byte[] tar = new TarBuilder().file("a", "hello").file("b", "world!").build();
    try (LayerReader reader = new LayerReader(new ByteArrayInputStream(tar))) {
      assertThat(reader.next()).isPresent();
      assertThat(new String(reader.content().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("hello");
      assertThat(reader.next().orElseThrow().entry().path()).isEqualTo("b");
      assertThat(new String(reader.content().readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("world!");
      assertThat(reader.next()).isEmpty();
    }
  }

  @Test
  void paxAndGnuLongNamesAndLinkNames() throws IOException {
    String longTarget = LONG.replace("file", "target");
    for (TarBuilder b : List.of(new TarBuilder(), new TarBuilder().gnuLongNames())) {
      byte[] tar = b.file(LONG, "x").symlink(LONG + ".lnk", longTarget).build();
      List<LayerEntry> e = entries(tar);
      assertThat(e.get(0).path()).isEqualTo(LONG);
      assertThat(e.get(1).path()).isEqualTo(LONG + ".lnk");
      assertThat(e.get(1).linkTarget()).isEqualTo(longTarget);
    }
  }

  @Test
  void paxMtimeKeepsNanoseconds() throws IOException {
    byte[] tar = new TarBuilder().file("a", "").mtime(1_700_000_000L, 123_456_789).build();
    LayerEntry e = entries(tar).get(0);
    assertThat(e.mtimeSec()).isEqualTo(1_700_000_000L);
    assertThat(e.mtimeNsec()).isEqualTo(123_456_789);
  }

  @Test
  void xattrValuesAreRawBytes() throws IOException {
    byte[] capability = {1, 0, 0, 2, (byte) 0x80, (byte) 0xff, (byte) 0xc3, 0, 0, 0, 0x0a, '='};
    byte[] tar =
        new TarBuilder()
            .file("bin/ping", "elf")
            .xattr("security.capability", capability)
            .xattr("user.comment", "héllo".getBytes(StandardCharsets.UTF_8))
            .file("plain", "")
            .build();
    List<LayerEntry> e = entries(tar);
    assertThat(e.get(0).xattrs()).containsOnlyKeys("security.capability", "user.comment");
    assertThat(e.get(0).xattrs().get("security.capability")).isEqualTo(capability);
    assertThat(new String(e.get(0).xattrs().get("user.comment"), StandardCharsets.UTF_8))
        .isEqualTo("héllo");
    assertThat(e.get(1).xattrs()).isEmpty();
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "a/.wh.b, WHITEOUT, a/.wh.b",
    ".wh.etc, WHITEOUT, .wh.etc",
    "./a/.wh..wh..opq, OPAQUE, a/.wh..wh..opq",
    ".wh..wh..opq, OPAQUE, .wh..wh..opq",
    "a/.wh.x.wh., WHITEOUT, a/.wh.x.wh.",
    "a/wh.b, REGULAR, a/wh.b",
    "a/b.wh.c, REGULAR, a/b.wh.c",
  })
  void classifiesWhiteoutMarkers(String name, EntryType type, String path) throws IOException {
    LayerEntry e = entries(new TarBuilder().file(name, "").build()).get(0);
    assertThat(e.type()).isEqualTo(type);
    assertThat(e.path()).isEqualTo(path);
    assertThat(e.size()).isZero();
  }

  @Test
  void aWhiteoutShippedAsAHardLinkIsStillAWhiteout() throws IOException {
    LayerEntry e = entries(new TarBuilder().hardlink("a/.wh.b", "c").build()).get(0);
    assertThat(e.type()).isEqualTo(EntryType.WHITEOUT);
    assertThat(e.linkTarget()).isNull();
  }

  @ParameterizedTest
  @CsvSource({".wh..wh.plnk/123.456", ".wh..wh.aufs", "a/.wh..wh.orph", "a/.wh..wh.plnk/x"})
  void skipsAufsMetadata(String name) throws IOException {
    assertThat(entries(new TarBuilder().file(name, "x").file("kept", "").build()))
        .extracting(LayerEntry::path)
        .containsExactly("kept");
  }

  @ParameterizedTest
  @CsvSource({"a/.wh.", ".wh.", "a/.wh..", "a/.wh..."})
  void refusesWhiteoutsThatHideNothing(String name) {
    assertThatThrownBy(() -> entries(new TarBuilder().file(name, "").build()))
        .isInstanceOf(InvalidContentException.class)
        .hasMessage("invalid whiteout entry \"" + name + "\"");
  }

  @Test
  void refusesUnknownEntryTypes() {
    assertThatThrownBy(() -> entries(new TarBuilder().typed("vol", (byte) 'V').build()))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("unknown tar entry type 'V'");
  }

  @Test
  void refusesHugeExtendedHeaders() {
    String huge = "x".repeat(LayerTarInputStream.MAX_SPECIAL_ENTRY + 1);
    assertThatThrownBy(() -> entries(new TarBuilder().file("a", "").pax("comment", huge).build()))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("exceeds the limit");
    byte[] longName = huge.getBytes(StandardCharsets.UTF_8);
    byte[] tar = new TarBuilder().raw("././@LongLink", (byte) 'L', longName).file("a", "").build();
    assertThatThrownBy(() -> entries(tar))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("exceeds the limit");
  }

  @Test
  void refusesIdsOutOfRange() {
    byte[] tar = new TarBuilder().file("a", "").pax("uid", "4294967295").build();
    assertThatThrownBy(() -> entries(tar))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("uid 4294967295 out of range");
  }

  @Test
  void truncatedTarIsInvalidContent() {
    byte[] tar = new TarBuilder().file("a", "x".repeat(5000)).build();
    byte[] cut = Arrays.copyOf(tar, 512 + 2048);
    assertThatThrownBy(
            () -> {
              try (LayerReader reader = new LayerReader(new ByteArrayInputStream(cut))) {
                reader.next();
                reader.content().readAllBytes();
              }
            })
        .isInstanceOf(InvalidContentException.class)
        .hasMessageStartingWith("invalid layer tar: ");
  }

  @Test
  void garbageIsInvalidContent() {
    byte[] garbage = new byte[1024];
    Arrays.fill(garbage, (byte) 'z');
    assertThatThrownBy(() -> entries(garbage))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageStartingWith("invalid layer tar: ");
  }

  @Test
  void emptyStreamHasNoEntries() throws IOException {
    assertThat(entries(new byte[0])).isEmpty();
  }
}
