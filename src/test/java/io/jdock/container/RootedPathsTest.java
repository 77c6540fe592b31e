package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RootedPathsTest {
  @TempDir Path root;

  @BeforeEach
  void tree() throws IOException {
    Files.createDirectories(root.resolve("usr/bin"));
    Files.createDirectories(root.resolve("etc"));
    Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
    Files.createSymbolicLink(root.resolve("etc/abs"), Path.of("/usr/bin"));
    Files.createSymbolicLink(root.resolve("etc/up"), Path.of("../../../../etc"));
    Files.createSymbolicLink(root.resolve("etc/resolv.conf"), Path.of("/run/missing/resolv.conf"));
    Files.createSymbolicLink(root.resolve("loop"), Path.of("loop"));
  }

  @ParameterizedTest
  @CsvSource({
    "/bin/sh, usr/bin/sh",
    "/etc/abs/x, usr/bin/x",
    "/etc/up/passwd, etc/passwd",
    "/../../etc/passwd, etc/passwd",
    "/etc/resolv.conf, run/missing/resolv.conf",
    "/usr/./bin/../bin, usr/bin",
    "/, ''"
  })
  void symlinksResolveInsideTheRoot(String path, String expected) throws IOException {
    assertThat(RootedPaths.resolve(root, path, true)).isEqualTo(root.resolve(expected));
  }

  @ParameterizedTest
  @CsvSource({"/bin, bin", "/etc/resolv.conf, etc/resolv.conf"})
  void aFinalSymlinkCanBeKept(String path, String expected) throws IOException {
    assertThat(RootedPaths.resolve(root, path, false)).isEqualTo(root.resolve(expected));
  }

  @ParameterizedTest
  @CsvSource({"/loop", "/loop/x"})
  void loopsEnd(String path) {
    assertThatThrownBy(() -> RootedPaths.resolve(root, path, true))
        .hasMessageContaining("too many levels of symbolic links");
  }
}
