package io.jdock.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Expected outputs are docker/cli's formatter/image_test.go goldens and docker 28's output. */
class TableFormatTest {
  static final TableFormat IMAGES =
      new TableFormat(
          "table {{.Repository}}\\t{{.Tag}}\\t{{.ID}}\\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\\t{{.Size}}",
          Map.of(
              "ID", "IMAGE ID",
              "Repository", "REPOSITORY",
              "Tag", "TAG",
              "Digest", "DIGEST",
              "CreatedSince", "CREATED",
              "CreatedAt", "CREATED AT",
              "Size", "SIZE",
              "Containers", "CONTAINERS"),
          "*formatter.imageContext");

  static Map<String, Object> image(
      String repo, String tag, String id, String since, String digest) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("ID", id);
    row.put("Repository", repo);
    row.put("Tag", tag);
    row.put("Digest", digest);
    row.put("CreatedSince", since);
    row.put("Size", "0B");
    row.put("Containers", "N/A");
    row.put("Label", TemplateMethod.of(k -> k.equals("maintainer") ? "me" : ""));
    return row;
  }

  static final List<Map<String, Object>> ROWS =
      List.of(
          image(
              "image",
              "tag1",
              "imageID1",
              "24 hours ago",
              "sha256:cbbf2f9a99b47fc460d422812b6a5adff7dfee951d8fa2e4a98caa0382cfbdbf"),
          image("image", "tag2", "imageID2", "", "<none>"),
          image("<none>", "<none>", "imageID3", "24 hours ago", "<none>"));

  @Test
  void defaultTable() throws FormatException {
    String expected =
        """
        REPOSITORY   TAG       IMAGE ID   CREATED        SIZE
        image        tag1      imageID1   24 hours ago   0B
        image        tag2      imageID2   N/A            0B
        <none>       <none>    imageID3   24 hours ago   0B
        """;
    assertThat(IMAGES.render("", ROWS)).isEqualTo(expected);
    assertThat(IMAGES.render("table", ROWS)).isEqualTo(expected);
    assertThat(IMAGES.render(null, ROWS)).isEqualTo(expected);
  }

  @Test
  void tableWithTemplate() throws FormatException {
    assertThat(IMAGES.render("table {{.Repository}}", ROWS))
        .isEqualTo("REPOSITORY\nimage\nimage\n<none>\n");
    assertThat(IMAGES.render("table {{.Repository}}\\t{{.Digest}}", ROWS))
        .isEqualTo(
            """
            REPOSITORY   DIGEST
            image        sha256:cbbf2f9a99b47fc460d422812b6a5adff7dfee951d8fa2e4a98caa0382cfbdbf
            image        <none>
            <none>       <none>
            """);
  }

  @Test
  void headerIsPrintedWithoutRows() throws FormatException {
    assertThat(IMAGES.render("table {{.Repository}}", List.of())).isEqualTo("REPOSITORY\n");
    assertThat(IMAGES.render("table {{.Repository}}\\t{{.Digest}}", List.of()))
        .isEqualTo("REPOSITORY   DIGEST\n");
    assertThat(IMAGES.render("{{.Repository}}", List.of())).isEmpty();
    assertThat(IMAGES.render("", List.of()))
        .isEqualTo("REPOSITORY   TAG       IMAGE ID   CREATED   SIZE\n");
  }

  @Test
  void headerKeepsColumnNamesThroughFunctions() throws FormatException {
    Map<String, Object> row = image("ubuntu", "latest", "4dd97cefde62", "5 days ago", "<none>");
    assertThat(
            IMAGES.render(
                "table {{.Repository}}\\t{{upper .Tag}}\\t{{json .ID}}\\t{{pad .Tag 1 1}}|",
                List.of(row)))
        .isEqualTo(
            "REPOSITORY   TAG       IMAGE ID          TAG |\n"
                + "ubuntu       LATEST    \"4dd97cefde62\"    latest |\n");
  }

  @Test
  void rawTemplateHasNoHeader() throws FormatException {
    assertThat(IMAGES.render("{{.Repository}}:{{.Tag}} {{.Label \"maintainer\"}}", ROWS))
        .isEqualTo("image:tag1 me\nimage:tag2 me\n<none>:<none> me\n");
    assertThat(IMAGES.render("{{.ID}}\\t{{.Tag}}\\n", ROWS.subList(0, 1)))
        .isEqualTo("imageID1\ttag1\n\n");
  }

  @Test
  void jsonLinesHaveSortedKeysAndEscapedHtml() throws FormatException {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("Repository", "ubuntu");
    row.put("ID", "4dd97cefde62");
    row.put("Digest", "<none>");
    row.put("Label", TemplateMethod.of(k -> ""));
    assertThat(IMAGES.render("json", List.of(row)))
        .isEqualTo(
            "{\"Digest\":\"\\u003cnone\\u003e\",\"ID\":\"4dd97cefde62\",\"Repository\":\"ubuntu\"}\n");
    assertThat(IMAGES.render("{{json .}}", List.of(row)))
        .isEqualTo(IMAGES.render("json", List.of(row)));
    assertThat(IMAGES.render("{{json .Digest}}", List.of(row))).isEqualTo("\"<none>\"\n");
  }

  @Test
  void errorsAreDockersAndPrintNothing() {
    assertThatThrownBy(() -> IMAGES.render("{{InvalidFunction}}", ROWS))
        .isInstanceOf(FormatException.class)
        .hasMessage(
            "template parsing error: template: :1: function \"InvalidFunction\" not defined")
        .extracting(e -> ((FormatException) e).exitStatus())
        .isEqualTo(1);
    assertThatThrownBy(() -> IMAGES.render("{{nil}}", ROWS))
        .hasMessage(
            "template parsing error: template: :1:2: executing \"\" at <nil>: nil is not a command");
    assertThatThrownBy(() -> IMAGES.render("table {{.Foo}}", ROWS))
        .hasMessage(
            "template parsing error: template: :1:2: executing \"\" at <.Foo>: can't evaluate field"
                + " Foo in type *formatter.imageContext");
    StringWriter sw = new StringWriter();
    assertThatThrownBy(() -> IMAGES.write(new PrintWriter(sw), "{{.ID}} {{.Foo}}", ROWS))
        .isInstanceOf(FormatException.class);
    assertThat(sw.toString()).isEmpty();
  }

  @Test
  void writePrintsTheRendering() throws FormatException {
    StringWriter sw = new StringWriter();
    IMAGES.write(new PrintWriter(sw), "{{.ID}}", ROWS);
    assertThat(sw).hasToString("imageID1\nimageID2\nimageID3\n");
  }
}
