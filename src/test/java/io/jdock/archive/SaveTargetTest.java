package io.jdock.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SaveTargetTest {
  @TempDir static Path dir;

  interface Setup {
    Path make(Path dir) throws Exception;
  }

  static Stream<Arguments> targets() {
    return Stream.of(
        Arguments.of("a new file", (Setup) d -> d.resolve("new.tar"), null),
        Arguments.of(
            "an existing file", (Setup) d -> Files.writeString(d.resolve("old.tar"), "x"), null),
        Arguments.of(
            "a directory",
            (Setup) d -> Files.createDirectories(d.resolve("sub")),
            "cannot write to a directory"),
        Arguments.of(
            "a symlink",
            (Setup) d -> Files.createSymbolicLink(d.resolve("link"), d.resolve("new.tar")),
            "cannot write to a symbolic link directly"),
        Arguments.of(
            "a character device",
            (Setup) d -> Path.of("/dev/null"),
            "cannot write to a character device file"),
        Arguments.of(
            "a fifo",
            (Setup)
                d -> {
                  Path fifo = d.resolve("fifo");
                  new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
                  return fifo;
                },
            "cannot write to a named pipe (FIFO)"),
        Arguments.of(
            "a socket",
            (Setup)
                d -> {
                  Path socket = d.resolve("sock");
                  ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)
                      .bind(UnixDomainSocketAddress.of(socket));
                  return socket;
                },
            "cannot write to a socket"),
        Arguments.of(
            "a missing directory",
            (Setup) d -> d.resolve("missing/x.tar"),
            "invalid output path: stat " + dir.resolve("missing") + ": no such file or directory"),
        Arguments.of(
            "a file as the directory",
            (Setup) d -> Files.writeString(d.resolve("file"), "x").resolve("x.tar"),
            "invalid output path: stat " + dir.resolve("file") + ": not a directory"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("targets")
  void checksTheTargetAsDockerDoes(String what, Setup setup, String problem) throws Exception {
    Path target = setup.make(dir);
    assertThat(SaveTarget.problem(target)).isEqualTo(Optional.ofNullable(problem));
  }
}
