package io.jdock.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jdock.oci.OciJson;
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
    byte[] json = JSON.writeValueAsBytes(n);
    byte[] line = java.util.Arrays.copyOf(json, json.length + 1);
    line[json.length] = '\n';
    out.write(line);
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

  /** Reads whole lines of a file that may still grow; a line being written is left for later. */
  static final class LineReader implements AutoCloseable {
    private final java.io.InputStream in;
    private final java.io.ByteArrayOutputStream partial = new java.io.ByteArrayOutputStream();
    private final byte[] buf = new byte[8192];
    private int pos;
    private int len;

    LineReader(Path file) throws IOException {
      this.in = Files.newInputStream(file);
    }

    /** The next complete line, or empty at the current end of the file. */
    Optional<String> next() throws IOException {
      while (true) {
        if (pos == len) {
          len = in.read(buf);
          pos = 0;
          if (len <= 0) {
            len = 0;
            return Optional.empty();
          }
        }
        while (pos < len) {
          byte b = buf[pos++];
          if (b == '\n') {
            String line = partial.toString(StandardCharsets.UTF_8);
            partial.reset();
            return Optional.of(line);
          }
          partial.write(b);
        }
      }
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
