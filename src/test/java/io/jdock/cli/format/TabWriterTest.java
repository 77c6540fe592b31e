package io.jdock.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expected outputs come from docker 28.2.2 ({@code docker context ls --format "table ..."}). */
class TabWriterTest {
  private static String docker(String input) {
    StringBuilder out = new StringBuilder();
    TabWriter.docker(out).write(input).flush();
    return out.toString();
  }

  @Test
  void columnsOfVaryingWidthsWithEmptyAndWideCells() {
    String in =
        "NAME\tDESCRIPTION\tDOCKER ENDPOINT\n"
            + "averyveryverylongname\t日本語の説明\ttcp://1.2.3.4:2375\n"
            + "default\tCurrent DOCKER_HOST based configuration\tunix:///var/run/docker.sock\n"
            + "t2\t\tunix:///a\n";
    assertThat(docker(in))
        .isEqualTo(
            "NAME                    DESCRIPTION                               DOCKER ENDPOINT\n"
                + "averyveryverylongname   日本語の説明"
                + " ".repeat(30)
                + "tcp://1.2.3.4:2375\n"
                + "default                 Current DOCKER_HOST based configuration   unix:///var/run/docker.sock\n"
                + "t2                                                                unix:///a\n");
  }

  @Test
  void columnBlocksEndWhereALineHasFewerCells() {
    // docker context ls --format 'table {{.Name}}\t{{if eq .Name
    // "t2"}}{{else}}{{.Description}}\t{{end}}{{.DockerEndpoint}}'
    String in =
        "NAME\tDESCRIPTION\tDOCKER ENDPOINT\n"
            + "t1\thello\tunix:///tmp/x.sock\n"
            + "t2\tunix:///a\n"
            + "t4\tx\tunix:///b\n";
    assertThat(docker(in))
        .isEqualTo(
            "NAME      DESCRIPTION   DOCKER ENDPOINT\n"
                + "t1        hello         unix:///tmp/x.sock\n"
                + "t2        unix:///a\n"
                + "t4        x         unix:///b\n");
  }

  @Test
  void aLineOfOneCellFlushesTheBlocksAbove() {
    // docker context ls --format 'table {{.Name}}\n{{.Description}}\t{{.Name}}'
    String in = "NAME\nDESCRIPTION\tNAME\nt1\nhello\tt1\nt2\n\tt2\n";
    assertThat(docker(in))
        .isEqualTo("NAME\nDESCRIPTION   NAME\nt1\nhello     t1\nt2\n          t2\n");
  }

  @ParameterizedTest
  @CsvSource(
      delimiterString = " § ",
      ignoreLeadingAndTrailingWhitespace = false,
      textBlock =
          """
      a\\tb\\n § a         b\\n
      a\\tb § a         b
      abcdefghijklm\\tx\\n § abcdefghijklm   x\\n
      \\tx\\n § ##########x\\n
      no tabs at all\\n § no tabs at all\\n
      a\\tb\\tc\\naa\\tbb\\n § a         b         c\\naa        bb\\n
      """)
  void padsToMinwidthPlusPadding(String in, String expected) {
    assertThat(docker(unescape(in))).isEqualTo(unescape(expected).replace('#', ' '));
  }

  private static String unescape(String s) {
    return s.replace("\\t", "\t").replace("\\n", "\n");
  }

  @Test
  void rightAlignmentAndDebugBars() {
    StringBuilder out = new StringBuilder();
    new TabWriter(out, 0, 8, 1, '.', TabWriter.ALIGN_RIGHT | TabWriter.DEBUG)
        .write("a\tbbb\tc\naaaa\tb\tc\n")
        .flush();
    assertThat(out).hasToString("....a|.bbb|c\n.aaaa|...b|c\n");
  }

  @Test
  void tabPadding() {
    StringBuilder out = new StringBuilder();
    new TabWriter(out, 0, 8, 1, '\t', 0).write("a\tb\naaaaaaaaa\tb\n").flush();
    assertThat(out).hasToString("a\t\tb\naaaaaaaaa\tb\n");
  }

  @Test
  void refusesNegativeSettings() {
    assertThatThrownBy(() -> new TabWriter(new StringBuilder(), -1, 1, 3, ' ', 0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
