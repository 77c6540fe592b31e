package io.jdock.registry.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressRendererTest {
  private final StringWriter text = new StringWriter();
  private final PrintWriter out = new PrintWriter(text);

  @Test
  void plainOutputDropsByteProgress() {
    ProgressRenderer r = ProgressRenderer.plain(out);

    r.accept(ProgressLine.message("Using default tag: latest"));
    r.accept(ProgressLine.status("a3ed95caeb02", "Pulling fs layer"));
    r.accept(ProgressLine.progress("a3ed95caeb02", "Downloading", 1_200_000, 30_000_000));
    r.accept(ProgressLine.status("a3ed95caeb02", "Pull complete"));
    r.accept(ProgressLine.result("docker.io/library/ubuntu:latest"));

    assertThat(text.toString())
        .isEqualTo(
            "Using default tag: latest\na3ed95caeb02: Pulling fs layer\na3ed95caeb02: Pull complete\n"
                + "docker.io/library/ubuntu:latest\n");
  }

  @Test
  void quietKeepsOnlyTheResult() {
    ProgressRenderer r = ProgressRenderer.quiet(out);

    r.accept(ProgressLine.message("Using default tag: latest"));
    r.accept(ProgressLine.status("a3ed95caeb02", "Pull complete"));
    r.accept(ProgressLine.result("docker.io/library/ubuntu:latest"));

    assertThat(text.toString()).isEqualTo("docker.io/library/ubuntu:latest\n");
  }

  @Test
  void terminalRewritesEachLayerLineInPlace() {
    ProgressRenderer r = ProgressRenderer.terminal(out, 120);

    r.accept(ProgressLine.status("aaaaaaaaaaaa", "Pulling fs layer"));
    r.accept(ProgressLine.status("bbbbbbbbbbbb", "Pulling fs layer"));
    r.accept(ProgressLine.progress("aaaaaaaaaaaa", "Downloading", 15_000_000, 30_000_000));

    String s = text.toString();
    String bar = "[" + "=".repeat(25) + ">" + " ".repeat(25) + "]";
    assertThat(s)
        .isEqualTo(
            "\n\u001b[1A\u001b[2K\raaaaaaaaaaaa: Pulling fs layer \r\u001b[1B"
                + "\n\u001b[1A\u001b[2K\rbbbbbbbbbbbb: Pulling fs layer \r\u001b[1B"
                + "\u001b[2A\u001b[2K\raaaaaaaaaaaa: Downloading "
                + bar
                + "     15MB/30MB\r\u001b[2B");
  }

  @Test
  void narrowTerminalsShowSizesWithoutTheBar() {
    ProgressRenderer r = ProgressRenderer.terminal(out, 80);

    r.accept(ProgressLine.progress("aaaaaaaaaaaa", "Extracting", 1_200_000, 30_000_000));

    assertThat(text.toString())
        .contains("aaaaaaaaaaaa: Extracting    1.2MB/30MB\r")
        .doesNotContain(">");
  }

  @Test
  void aMessageWithoutIdStartsAFreshBlock() {
    ProgressRenderer r = ProgressRenderer.terminal(out, 120);

    r.accept(ProgressLine.status("aaaaaaaaaaaa", "Pull complete"));
    r.accept(ProgressLine.message("Digest: sha256:abc"));
    r.accept(ProgressLine.status("aaaaaaaaaaaa", "Already exists"));

    assertThat(text.toString())
        .endsWith(
            "Digest: sha256:abc\n\n\u001b[1A\u001b[2K\raaaaaaaaaaaa: Already exists \r\u001b[1B");
  }
}
