package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerLogTest {
  private static final Instant T = Instant.parse("2024-01-02T03:04:05.123456789Z");
  @TempDir Path dir;

  @Test
  void entriesAreDockersJsonLines() throws IOException {
    Path file = dir.resolve("container.log");
    try (ContainerLog log = ContainerLog.append(file, Clock.fixed(T, ZoneOffset.UTC))) {
      byte[] b = "hi \"you\"\n".getBytes(StandardCharsets.UTF_8);
      log.write(false, b, 0, b.length);
      byte[] e = "oops\n".getBytes(StandardCharsets.UTF_8);
      log.write(true, e, 0, e.length);
    }
    assertThat(Files.readAllLines(file))
        .containsExactly(
            "{\"log\":\"hi \\\"you\\\"\\n\",\"stream\":\"stdout\",\"time\":\"" + T + "\"}",
            "{\"log\":\"oops\\n\",\"stream\":\"stderr\",\"time\":\"" + T + "\"}");
    assertThat(ContainerLog.parse(Files.readAllLines(file).get(1)))
        .contains(new ContainerLog.Entry("oops\n", true, T));
    assertThat(ContainerLog.parse("not json")).isEmpty();
    assertThat(ContainerLog.parse("{\"stream\":\"stdout\"}")).isEmpty();
  }

  @Test
  void aLineBeingWrittenIsLeftForLater() throws IOException {
    Path file = dir.resolve("growing");
    Files.writeString(file, "one\ntw");
    try (ContainerLog.LineReader r = new ContainerLog.LineReader(file)) {
      assertThat(r.next()).contains("one");
      assertThat(r.next()).isEmpty();
      Files.writeString(file, "o\nthree", StandardOpenOption.APPEND);
      assertThat(r.next()).contains("two");
      assertThat(r.next()).isEmpty();
    }
  }

  @Test
  void theRelayCopiesAsItComesAndLogsLineByLine() throws Exception {
    Path file = dir.resolve("relay.log");
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    List<Integer> flushes = new ArrayList<>();
    OutputStream out =
        new OutputStream() {
          @Override
          public void write(int b) {
            seen.write(b);
          }

          @Override
          public void write(byte[] b, int off, int len) {
            seen.write(b, off, len);
          }

          @Override
          public void flush() {
            flushes.add(seen.size());
          }
        };
    byte[] input = "a\nb\npartial".getBytes(StandardCharsets.UTF_8);
    try (ContainerLog log = ContainerLog.append(file, Clock.fixed(T, ZoneOffset.UTC))) {
      new OutputRelay(
              new java.io.ByteArrayInputStream(input), Optional.of(out), Optional.of(log), true)
          .run();
    }
    assertThat(seen.toString(StandardCharsets.UTF_8)).isEqualTo("a\nb\npartial");
    assertThat(flushes).isNotEmpty();
    List<String> logged = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      ContainerLog.Entry e = ContainerLog.parse(line).orElseThrow();
      assertThat(e.stderr()).isTrue();
      logged.add(e.log());
    }
    assertThat(logged).containsExactly("a\n", "b\n", "partial");
  }
}
