package io.jdock.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArchiveNamesTest {
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "manifest.json, manifest.json",
    "./manifest.json, manifest.json",
    "blobs//sha256/./abc/, blobs/sha256/abc",
    "./, ''",
    "a/b..c/..d, a/b..c/..d"
  })
  void normalisesEntryNames(String raw, String normalised) throws Exception {
    assertThat(ArchiveNames.entryName(raw)).isEqualTo(normalised);
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x", "a/../../x", "a/..", "/etc/passwd", "//x", "a\0b"})
  void refusesEntryNamesThatLeaveTheArchive(String raw) {
    assertThatThrownBy(() -> ArchiveNames.entryName(raw))
        .isInstanceOf(InvalidArchiveException.class)
        .hasMessage("invalid archive: unsafe entry name \"" + raw + "\"");
  }

  static final Map<String, String> LINKS =
      Map.of(
          "v1/layer.tar", "../abc.tar",
          "up", "../../../../etc",
          "abs", "/blobs",
          "dir", "blobs/sha256",
          "loop", "loop");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "v1/layer.tar, abc.tar",
    "up/passwd, etc/passwd",
    "abs/sha256/x, blobs/sha256/x",
    "dir/x, blobs/sha256/x",
    "../../x, x",
    "a/./b/../c, a/c",
    "plain, plain"
  })
  void resolvesReferencesInsideTheArchive(String path, String resolved) throws Exception {
    assertThat(ArchiveNames.resolve(path, name -> Optional.ofNullable(LINKS.get(name))))
        .isEqualTo(resolved);
  }

  @Test
  void stopsAtSymlinkLoops() {
    assertThatThrownBy(
            () -> ArchiveNames.resolve("loop/x", name -> Optional.ofNullable(LINKS.get(name))))
        .hasMessage("invalid archive: \"loop/x\": too many levels of symbolic links");
  }
}
