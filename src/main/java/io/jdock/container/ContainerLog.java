package io.jdock.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jdock.oci.OciJson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * A container's output as docker's json-file log driver keeps it: one JSON object per line, {@code
 * {"log":"hi\n","stream":"stdout","time":"2024-01-02T03:04:05.123456789Z"}}, each line of output
 * one entry (a last line without newline is written as it is at the end).
 */
public final class ContainerLog implements AutoCloseable {
  /** One entry: the text, its stream and when it was written. */
  public record Entry(String log, boolean stderr, Instant time) {}

  private static final ObjectMapper JSON = OciJson.mapper();

  private final OutputStream out;
  private final Clock clock;

  private ContainerLog(OutputStream out, Clock clock) {
    this.out = out;
    this.clock = clock;
  }

  /** Appends to FILE (created if missing). */
  public static ContainerLog append(Path file, Clock clock) throws IOException {
    return new ContainerLog(
        Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND), clock);
  }

  /** Writes one entry (a line of output, with its newline). */
  public synchronized void write(boolean stderr, byte[] bytes, int off, int len)
      throws IOException {
    ObjectNode n = JSON.createObjectNode();
    n.put("log", new String(bytes, off, len, StandardCharsets.UTF_8));
    n.put("stream", stderr ? "stderr" : "stdout");
    n.put("time", clock.instant().toString());
    out.write(JSON.writeValueAsBytes(n));
    out.write('\n');
    out.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    out.close();
  }

  /** Parses one line of a log file; empty for a line that is not a valid entry. */
  public static Optional<Entry> parse(String line) {
    try {
      JsonNode n = JSON.readTree(line);
      if (n == null || !n.has("log")) {
        return Optional.empty();
      }
      return Optional.of(
          new Entry(
              n.get("log").asText(),
              "stderr".equals(n.path("stream").asText()),
              Instant.parse(n.path("time").asText("1970-01-01T00:00:00Z"))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** Opens FILE for reading entries. */
  static BufferedReader reader(Path file) throws IOException {
    return Files.newBufferedReader(file, StandardCharsets.UTF_8);
  }
}
