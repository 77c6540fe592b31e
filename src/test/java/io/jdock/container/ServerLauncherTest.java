package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starting background servers: a server that fails first gives its one line to the caller. */
class ServerLauncherTest {
  @TempDir Path tmp;

  @Test
  void aServerThatFailsGivesItsErrorLineWithoutTheCliPrefix() throws Exception {
    Path log = tmp.resolve("logs/server.log");
    List<String> args =
        List.of("--root", tmp.resolve("store").toString(), "mount-server", "nosuch");
    assertThatThrownBy(() -> ServerLauncher.start(args, log))
        .isInstanceOf(IOException.class)
        .hasMessage("no such mount: nosuch");
    assertThat(Files.readString(log)).contains("Error: no such mount: nosuch");
    // A second failure is reported from its own lines of the log, not the first one's.
    List<String> other =
        List.of("--root", tmp.resolve("store").toString(), "mount-server", "other");
    assertThatThrownBy(() -> ServerLauncher.start(other, log)).hasMessage("no such mount: other");
  }
}
