package io.jdock.cli.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Go's {@code text/tabwriter} (elastic tabstops) as docker's fork of it works: cells are terminated
 * by a tab; tab-terminated cells in contiguous lines form a column block whose width is the widest
 * cell plus padding (at least {@code minwidth}); the last cell of a line is not part of any column.
 * A line with a single cell ends all blocks (Go flushes there). Widths are display widths (East
 * Asian wide characters count 2), as docker's fork measures them.
 *
 * <p>docker's tables use {@code new TabWriter(out, 10, 1, 3, ' ', 0)}. Call {@link #flush()} at the
 * end.
 */
public final class TabWriter {
  /** Right-align cell contents. */
  public static final int ALIGN_RIGHT = 4;

  /** Drop columns whose cells are all empty and soft-tab terminated. */
  public static final int DISCARD_EMPTY_COLUMNS = 8;

  /** Print a vertical bar between columns. */
  public static final int DEBUG = 32;

  private record Cell(int size, int width, boolean htab) {}

  private final StringBuilder output;
  private final int minwidth;
  private final int tabwidth;
  private final int padding;
  private final char padchar;
  private final int flags;
  private final StringBuilder buf = new StringBuilder();
  private final List<List<Cell>> lines = new ArrayList<>();
  private final List<Integer> widths = new ArrayList<>();
  private int cellStart;

  /** Writes formatted text to {@code output}; the parameters are those of Go's {@code Init}. */
  public TabWriter(
      StringBuilder output, int minwidth, int tabwidth, int padding, char padchar, int flags) {
    if (minwidth < 0 || tabwidth < 0 || padding < 0) {
      throw new IllegalArgumentException("negative minwidth, tabwidth, or padding");
    }
    this.output = output;
    this.minwidth = minwidth;
    this.tabwidth = tabwidth;
    this.padding = padding;
    this.padchar = padchar;
    this.flags = padchar == '\t' ? flags & ~ALIGN_RIGHT : flags;
    reset();
  }

  /** docker's table writer: minwidth 10, tabwidth 1, padding 3, padded with spaces. */
  public static TabWriter docker(StringBuilder output) {
    return new TabWriter(output, 10, 1, 3, ' ', 0);
  }

  private void reset() {
    buf.setLength(0);
    cellStart = 0;
    lines.clear();
    widths.clear();
    lines.add(new ArrayList<>());
  }

  /** Adds text; '\t' and '\u000b' end a cell, '\n' and '\f' end a line. */
  public TabWriter write(String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == '\t' || ch == 0x0b || ch == '\n' || ch == '\f') {
        int ncells = terminateCell(ch == '\t');
        if (ch == '\n' || ch == '\f') {
          lines.add(new ArrayList<>());
          if (ch == '\f' || ncells == 1) {
            // A line of one cell cannot affect the columns of the lines after it.
            flush();
          }
        }
      } else {
        buf.append(ch);
      }
    }
    return this;
  }

  private int terminateCell(boolean htab) {
    String cell = buf.substring(cellStart);
    List<Cell> line = lines.get(lines.size() - 1);
    line.add(new Cell(cell.length(), displayWidth(cell), htab));
    cellStart = buf.length();
    return line.size();
  }

  /** Formats and writes everything buffered; the writer can be used again afterwards. */
  public void flush() {
    if (buf.length() > cellStart) {
      terminateCell(false);
    }
    format(0, 0, lines.size());
    reset();
  }

  private int format(int pos0, int line0, int line1) {
    int pos = pos0;
    int column = widths.size();
    for (int i = line0; i < line1; i++) {
      List<Cell> line = lines.get(i);
      if (column >= line.size() - 1) {
        continue;
      }
      // A cell exists in this column: print the lines before this block first.
      pos = writeLines(pos, line0, i);
      line0 = i;
      int width = minwidth;
      boolean discardable = true;
      for (; i < line1; i++) {
        line = lines.get(i);
        if (column >= line.size() - 1) {
          break;
        }
        Cell c = line.get(column);
        width = Math.max(width, c.width() + padding);
        if (c.width() > 0 || c.htab()) {
          discardable = false;
        }
      }
      if (discardable && (flags & DISCARD_EMPTY_COLUMNS) != 0) {
        width = 0;
      }
      widths.add(width);
      pos = format(pos, line0, i);
      widths.remove(widths.size() - 1);
      line0 = i;
      i--;
    }
    return writeLines(pos, line0, line1);
  }

  private int writeLines(int pos, int line0, int line1) {
    for (int i = line0; i < line1; i++) {
      List<Cell> line = lines.get(i);
      for (int j = 0; j < line.size(); j++) {
        Cell c = line.get(j);
        if (j > 0 && (flags & DEBUG) != 0) {
          output.append('|');
        }
        boolean padded = j < widths.size();
        if (c.size() == 0) {
          if (padded) {
            writePadding(c.width(), widths.get(j));
          }
        } else if ((flags & ALIGN_RIGHT) == 0) {
          output.append(buf, pos, pos + c.size());
          pos += c.size();
          if (padded) {
            writePadding(c.width(), widths.get(j));
          }
        } else {
          if (padded) {
            writePadding(c.width(), widths.get(j));
          }
          output.append(buf, pos, pos + c.size());
          pos += c.size();
        }
      }
      if (i + 1 == lines.size()) {
        // The last buffered line has no newline yet: write its pending text only.
        output.append(buf, pos, buf.length());
        pos = buf.length();
      } else {
        output.append('\n');
      }
    }
    return pos;
  }

  private void writePadding(int textw, int cellw) {
    if (padchar == '\t') {
      if (tabwidth == 0) {
        return;
      }
      cellw = (cellw + tabwidth - 1) / tabwidth * tabwidth;
      int n = cellw - textw;
      output.append("\t".repeat((n + tabwidth - 1) / tabwidth));
      return;
    }
    output.append(String.valueOf(padchar).repeat(Math.max(0, cellw - textw)));
  }

  /** Display width: wide East Asian characters count 2, combining marks and controls 0. */
  static int displayWidth(String s) {
    int w = 0;
    for (int i = 0; i < s.length(); ) {
      int r = s.codePointAt(i);
      i += Character.charCount(r);
      w += runeWidth(r);
    }
    return w;
  }

  private static int runeWidth(int r) {
    int type = Character.getType(r);
    if (r < 0x20 || (r >= 0x7f && r < 0xa0)) {
      return 0;
    }
    if (type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.FORMAT) {
      return 0;
    }
    boolean wide =
        (r >= 0x1100 && r <= 0x115f)
            || (r >= 0x2e80 && r <= 0x303e)
            || (r >= 0x3041 && r <= 0x33ff)
            || (r >= 0x3400 && r <= 0x4dbf)
            || (r >= 0x4e00 && r <= 0x9fff)
            || (r >= 0xa000 && r <= 0xa4cf)
            || (r >= 0xac00 && r <= 0xd7a3)
            || (r >= 0xf900 && r <= 0xfaff)
            || (r >= 0xfe30 && r <= 0xfe4f)
            || (r >= 0xff00 && r <= 0xff60)
            || (r >= 0xffe0 && r <= 0xffe6)
            || (r >= 0x1f300 && r <= 0x1f64f)
            || (r >= 0x1f900 && r <= 0x1f9ff)
            || (r >= 0x20000 && r <= 0x3fffd);
    return wide ? 2 : 1;
  }
}
