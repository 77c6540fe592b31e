package io.jdock.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.InvalidContentException;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TarPathsTest {
  @ParameterizedTest(name = "\"{0}\" -> \"{1}\"")
  @CsvSource(
      value = {
        "a|a",
        "./a|a",
        "a/|a",
        "./a/b/|a/b",
        "a//b|a/b",
        "a/./b|a/b",
        "././a|a",
        "./|''",
        ".|''",
        "''|''",
        "..a/b..|..a/b..",
        "a/...|a/...",
        ".wh..wh..opq|.wh..wh..opq",
      },
      delimiter = '|')
  void normalizes(String tarName, String path) throws Exception {
    assertThat(TarPaths.normalize(tarName)).isEqualTo(path);
  }

  @ParameterizedTest(name = "\"{0}\": {1}")
  @CsvSource(
      value = {
        "/etc/passwd|absolute path",
        "//etc|absolute path",
        "/|absolute path",
        "..|path escapes the layer",
        "../etc/passwd|path escapes the layer",
        "a/../../b|path escapes the layer",
        "a/..|path escapes the layer",
        "./../x|path escapes the layer",
      },
      delimiter = '|')
  void refusesUnsafeNames(String tarName, String reason) {
    assertThatThrownBy(() -> TarPaths.normalize(tarName))
        .isInstanceOf(UnsafeLayerException.class)
        .hasMessage("unsafe layer entry \"" + tarName + "\": " + reason);
  }

  @ParameterizedTest(name = "\"{0}\": {1}")
  @CsvSource(
      value = {
        "/etc/shadow|hard link target \"/etc/shadow\" is absolute",
        "../x|hard link target \"../x\" escapes the layer",
        "a/../../x|hard link target \"a/../../x\" escapes the layer",
        "a/..|hard link target \"a/..\" escapes the layer",
      },
      delimiter = '|')
  void refusesEscapingHardLinkTargets(String target, String reason) {
    assertThatThrownBy(() -> TarPaths.hardLinkTarget("h", target))
        .isInstanceOf(UnsafeLayerException.class)
        .hasMessage("unsafe layer entry \"h\": " + reason);
  }

  @ParameterizedTest
  @CsvSource({"./bin/sh, bin/sh", "bin//sh, bin/sh", "bin/./sh, bin/sh"})
  void normalizesHardLinkTargets(String target, String path) throws Exception {
    assertThat(TarPaths.hardLinkTarget("h", target)).isEqualTo(path);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      value = {
        ".wh.x|WHITEOUT",
        "a/.wh.x|WHITEOUT",
        "a/.wh..x|WHITEOUT",
        "a/.wh.x y|WHITEOUT",
        ".wh..wh..opq|OPAQUE",
        "a/b/.wh..wh..opq|OPAQUE",
        "a/x.wh.y|",
        ".whx|",
        ".wh|",
        "a/.wh/b|",
        "''|",
      },
      delimiter = '|')
  void classifiesMarkers(String path, EntryType type) throws Exception {
    assertThat(TarPaths.markerType(path, path)).isEqualTo(Optional.ofNullable(type));
  }

  @ParameterizedTest
  @CsvSource({".wh., a/.wh.", ".wh.., a/.wh..", ".wh..., b/.wh..."})
  void refusesMarkersThatHideNothing(String ignored, String path) {
    assertThatThrownBy(() -> TarPaths.markerType(path, path))
        .isInstanceOf(InvalidContentException.class)
        .hasMessage("invalid whiteout entry \"" + path + "\"");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    ".wh..wh.plnk, true",
    ".wh..wh.plnk/1.2, true",
    "a/.wh..wh.aufs, true",
    "a/.wh..wh..opq/b, true",
    ".wh..wh..opq, false",
    "a/.wh..wh..opq, false",
    "a/.wh.x, false",
    "a/b, false",
    "'', false",
  })
  void recognisesAufsMetadata(String path, boolean aufs) {
    assertThat(TarPaths.isAufsMetadata(path)).isEqualTo(aufs);
  }
}
