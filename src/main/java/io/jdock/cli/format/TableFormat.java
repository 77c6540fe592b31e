package io.jdock.cli.format;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How one command prints its rows with {@code --format}, as docker's {@code formatter.Context}
 * does: the user's format may be empty or {@code table} (the command's default table), {@code table
 * TEMPLATE} (a header row made from {@code headers}, then the rows, aligned by a {@link
 * TabWriter}), {@code json} (one {@code {{json .}}} line per row: sorted keys, HTML escaped) or any
 * other template (one line per row, no header). {@code \t} and {@code \n} written as two characters
 * are unescaped. {@code --quiet} is the caller's: it passes {@code {{.ID}}}.
 *
 * <pre>{@code
 * static final TableFormat IMAGES = new TableFormat(
 *     "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}",
 *     Map.of("Repository", "REPOSITORY", "Tag", "TAG", "ID", "IMAGE ID", "CreatedSince", "CREATED",
 *            "CreatedAt", "CREATED AT", "Size", "SIZE", "Digest", "DIGEST", ...),
 *     "*formatter.imageContext");
 * IMAGES.write(out, userFormat, rows);   // rows: List<Map<String, Object>>, one per line
 * }</pre>
 *
 * @param defaultTable the command's default format, starting with {@code table}
 * @param headers column name of each field, e.g. {@code ID -> IMAGE ID}
 * @param contextType the Go type named in "can't evaluate field" errors
 */
public record TableFormat(String defaultTable, Map<String, String> headers, String contextType) {
  public TableFormat {
    Objects.requireNonNull(defaultTable, "defaultTable");
    headers = Map.copyOf(headers);
    Objects.requireNonNull(contextType, "contextType");
  }

  /** Renders the rows and writes them to {@code out} (which is flushed). */
  public void write(PrintWriter out, String format, List<? extends Map<String, ?>> rows)
      throws FormatException {
    out.print(render(format, rows));
    out.flush();
  }

  /**
   * Renders the rows as docker would print them.
   *
   * @throws FormatException {@code template parsing error: ...} (exit status 1) when the template
   *     does not parse or fails on a row; nothing is rendered then
   */
  public String render(String format, List<? extends Map<String, ?>> rows) throws FormatException {
    String source =
        format == null || format.isEmpty() || format.equals("table") ? defaultTable : format;
    boolean table = source.startsWith("table");
    String body = table ? source.substring("table".length()) : source;
    if (source.equals("json")) {
      body = "{{json .}}";
    }
    GoTemplate template;
    try {
      template = GoTemplate.parse(unescape(trimSpaces(body)));
    } catch (TemplateException e) {
      throw new FormatException("template parsing error: " + e.getMessage(), 1);
    }
    StringBuilder lines = new StringBuilder();
    for (Map<String, ?> row : rows) {
      try {
        template.run(lines, new Row(row, contextType), DockerFuncs.standard(), false, false);
      } catch (TemplateException e) {
        throw new FormatException("template parsing error: " + e.getMessage(), 1);
      }
      lines.append('\n');
    }
    if (!table) {
      return lines.toString();
    }
    StringBuilder header = new StringBuilder();
    try {
      template.run(header, GoValues.stringMap(headers), DockerFuncs.HEADER_FUNCS, false, false);
    } catch (TemplateException e) {
      // docker ignores errors of the header row and prints what was written before them.
    }
    StringBuilder out = new StringBuilder();
    TabWriter.docker(out).write(header.toString()).write("\n").write(lines.toString()).flush();
    return out.toString();
  }

  /** {@code strings.Trim(s, " ")}. */
  private static String trimSpaces(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) == ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(start, end);
  }

  /** Replaces the two-character sequences {@code \t} and {@code \n} in one left-to-right pass. */
  static String unescape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length() && (s.charAt(i + 1) == 't' || s.charAt(i + 1) == 'n')) {
        sb.append(s.charAt(++i) == 't' ? '\t' : '\n');
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
