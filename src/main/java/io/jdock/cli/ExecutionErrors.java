package io.jdock.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one place where errors of commands end: one line on stderr (docker's text), exit 1 or the
 * error's own code; the stack trace only with {@code --debug}.
 */
final class ExecutionErrors implements IExecutionExceptionHandler {
  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    PrintWriter err = cl.getErr();
    boolean debug = parsed.hasMatchedOption("--debug") || parsed.hasMatchedOption("-D");
    CommandLine top = cl;
    while (top.getParent() != null) {
      top = top.getParent();
    }
    if (top.getCommand() instanceof JdockCommand j && j.debug()) {
      debug = true;
    }
    if (debug) {
      ex.printStackTrace(err);
    }
    err.println(ErrorText.of(ex));
    err.flush();
    if (ex instanceof UserException u) {
      return u.exitCode();
    }
    if (ex instanceof DaemonStyleError d) {
      return d.exitCode();
    }
    return 1;
  }
}
