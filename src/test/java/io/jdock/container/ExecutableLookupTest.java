package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExecutableLookupTest {
  @TempDir Path root;
  private final List<String> env = List.of("PATH=/usr/local/bin:/bin");

  @BeforeEach
  void tree() throws IOException {
    Files.createDirectories(root.resolve("usr/bin"));
    Files.createDirectories(root.resolve("work/sub"));
    Files.createSymbolicLink(root.resolve("bin"), Path.of("usr/bin"));
    executable(root.resolve("usr/bin/sh"));
    executable(root.resolve("work/run.sh"));
    Files.writeString(root.resolve("usr/bin/data"), "not executable");
  }

  private static void executable(Path p) throws IOException {
    Files.writeString(p, "#!/bin/sh\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sh", "/bin/sh", "/usr/bin/sh", "./run.sh", "sub/../run.sh"})
  void findsExecutables(String argv0) {
    assertThatCode(() -> ExecutableLookup.check(root, argv0, env, "/work"))
        .doesNotThrowAnyException();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "nothere|exec: \"nothere\": executable file not found in $PATH|127",
        "data|exec: \"data\": executable file not found in $PATH|127",
        "/nothere|exec: \"/nothere\": stat /nothere: no such file or directory|127",
        "/usr/bin/data|exec: \"/usr/bin/data\": permission denied|126",
        "/usr|exec: \"/usr\": is a directory|126"
      })
  void failsWithDockersMessageAndCode(String argv0, String message, int code) {
    assertThatThrownBy(() -> ExecutableLookup.check(root, argv0, env, "/work"))
        .isInstanceOfSatisfying(
            ContainerException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.exitCode()).isEqualTo(code))
        .hasMessage("unable to start container process: " + message);
  }
}
