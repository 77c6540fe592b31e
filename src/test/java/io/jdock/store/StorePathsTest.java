package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.oci.Digest;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class StorePathsTest {

  static Stream<Arguments> roots() {
    return Stream.of(
        // flag, JDOCK_ROOT, XDG_DATA_HOME, HOME, isRoot, expected
        Arguments.of("/flag", "/env", "/xdg", "/home/u", false, "/flag"),
        Arguments.of("/flag", "/env", "/xdg", "/home/u", true, "/flag"),
        Arguments.of(null, "/env", "/xdg", "/home/u", true, "/env"),
        Arguments.of(null, "/env/../env2", null, "/home/u", false, "/env2"),
        Arguments.of(null, null, "/xdg", "/home/u", true, "/var/lib/jdock"),
        Arguments.of(null, "", "/xdg", "/home/u", true, "/var/lib/jdock"),
        Arguments.of(null, null, "/xdg", "/home/u", false, "/xdg/jdock"),
        Arguments.of(null, null, "", "/home/u", false, "/home/u/.local/share/jdock"),
        Arguments.of(null, null, null, "/home/u", false, "/home/u/.local/share/jdock"),
        // XDG base dir spec: a relative XDG_DATA_HOME is invalid and ignored.
        Arguments.of(null, null, "rel", "/home/u", false, "/home/u/.local/share/jdock"));
  }

  @ParameterizedTest
  @MethodSource("roots")
  void resolvesTheRootLikeTheDesignSays(
      String flag, String jdockRoot, String xdg, String home, boolean isRoot, String expected) {
    Map<String, String> env = new HashMap<>();
    if (jdockRoot != null) {
      env.put("JDOCK_ROOT", jdockRoot);
    }
    if (xdg != null) {
      env.put("XDG_DATA_HOME", xdg);
    }
    env.put("HOME", home);
    Path root = StorePaths.resolveRoot(Optional.ofNullable(flag).map(Path::of), env, isRoot);
    assertThat(root).isEqualTo(Path.of(expected));
  }

  @Test
  void layoutPathsAreThoseOfAnOciLayoutAndJdocksStateBesideIt() {
    StorePaths paths = StorePaths.of(Path.of("/s/./x/.."));
    Digest d = Digest.sha256(new byte[0]);
    assertThat(paths.root()).isEqualTo(Path.of("/s"));
    assertThat(paths.ociLayout()).isEqualTo(Path.of("/s/oci-layout"));
    assertThat(paths.index()).isEqualTo(Path.of("/s/index.json"));
    assertThat(paths.blob(d)).isEqualTo(Path.of("/s/blobs/sha256/" + d.hex()));
    assertThat(paths.layerRootfs(d)).isEqualTo(Path.of("/s/layers/sha256/" + d.hex() + "/rootfs"));
    assertThat(paths.layerToc(d)).isEqualTo(Path.of("/s/layers/sha256/" + d.hex() + "/toc"));
    assertThat(paths.containerUpper("abc")).isEqualTo(Path.of("/s/containers/abc/upper"));
    assertThat(paths.mountRecord("m1")).isEqualTo(Path.of("/s/mounts/m1/record.json"));
    assertThat(paths.storeLock().getParent()).isEqualTo(Path.of("/s/locks"));
    assertThat(paths.tmpDir()).isEqualTo(Path.of("/s/tmp"));
  }
}
