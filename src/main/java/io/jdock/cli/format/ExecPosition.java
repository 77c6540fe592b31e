package io.jdock.cli.format;

import java.nio.charset.StandardCharsets;

/**
 * Where an execution is in the template (Go's {@code state.node}), and the execution errors located
 * there, in Go's words: {@code template: :LINE:COL: executing "" at <NODE>: MESSAGE}.
 */
final class ExecPosition {
  private final String text;
  private Node node;

  ExecPosition(String text) {
    this.text = text;
  }

  /** Unwinds the execution like Go's panic of an ExecError. */
  static final class ExecError extends RuntimeException {
    ExecError(String message) {
      super(message, null, false, false);
    }
  }

  /** Go's {@code state.at}: errors from now on are located at {@code n}. */
  void at(Node n) {
    node = n;
  }

  /** An error at the current node; the column counts UTF-8 bytes, as Go's does. */
  ExecError errorf(String message) {
    if (node == null) {
      return new ExecError("template: : " + message);
    }
    String before = text.substring(0, Math.min(node.pos(), text.length()));
    int nl = before.lastIndexOf('\n');
    String lineText = nl < 0 ? before : before.substring(nl + 1);
    int col = lineText.getBytes(StandardCharsets.UTF_8).length;
    long line = 1 + before.chars().filter(c -> c == '\n').count();
    return new ExecError(
        "template: :" + line + ":" + col + ": executing \"\" at <" + node + ">: " + message);
  }
}
