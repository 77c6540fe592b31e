package io.jdock.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpawnTest {
  private static final List<String> ENV = List.of("PATH=/usr/bin:/bin");

  @Test
  void childWritesToAnInheritedDescriptorUnderTheChosenNumber() throws Exception {
    int[] pair = UnixSockets.pair();
    try {
      int pid = Spawn.spawn(List.of("sh", "-c", "printf hello >&5"), ENV, Map.of(pair[1], 5));
      Posix.close(pair[1]);
      assertThat(Spawn.waitFor(pid)).isZero();
      ByteBuffer buf = ByteBuffer.allocateDirect(64);
      int n = Posix.read(pair[0], buf);
      byte[] got = new byte[n];
      buf.get(0, got);
      assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo("hello");
    } finally {
      Posix.closeQuietly(pair[0]);
    }
  }

  @Test
  void descriptorsNotMappedAreNotInherited() throws Exception {
    int[] pair = UnixSockets.pair();
    try {
      // Our descriptors are close-on-exec: the child does not hold them unless mapped.
      String script = "[ -e /proc/$$/fd/" + pair[1] + " ] && exit 4; exit 3";
      int pid = Spawn.spawn(List.of("sh", "-c", script), ENV, Map.of());
      assertThat(Spawn.waitFor(pid)).isEqualTo(3);
    } finally {
      Posix.closeQuietly(pair[0]);
      Posix.closeQuietly(pair[1]);
    }
  }

  @ParameterizedTest
  @CsvSource({"exit 0, 0", "exit 7, 7", "kill -9 $$, 137", "kill -15 $$, 143"})
  void waitForReportsExitCodesAndSignalsLikeAShell(String script, int expected) throws Exception {
    int pid = Spawn.spawn(List.of("sh", "-c", script), ENV, Map.of());
    assertThat(Spawn.waitFor(pid)).isEqualTo(expected);
  }

  @Test
  void missingProgramIsAnErrnoException() {
    assertThatThrownBy(() -> Spawn.spawn(List.of("no-such-program-jdock"), ENV, Map.of()))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT));
  }

  @Test
  void receiveFdIsEmptyWhenThePeerClosesWithoutSendingOne() throws Exception {
    int[] pair = UnixSockets.pair();
    Posix.close(pair[1]);
    try {
      assertThat(UnixSockets.receiveFd(pair[0])).isEmpty();
    } finally {
      Posix.close(pair[0]);
    }
  }
}
