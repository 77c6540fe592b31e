package io.jdock.cli;

import io.jdock.container.ContainerException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;

/**
 * docker's way with commands that take several containers ({@code rm}, {@code stop}...): each
 * argument is handled in turn and echoed when done; each failure is printed as it happens, and the
 * arguments that failed are returned (the exit code is 1 if any failed).
 */
final class EachContainer {
  /** What is done to one container. */
  @FunctionalInterface
  interface Action {
    void apply(String arg) throws IOException, ContainerException;
  }

  private EachContainer() {}

  static List<String> run(List<String> args, PrintWriter out, PrintWriter err, Action action)
      throws IOException {
    return run(args, out, err, false, action);
  }

  /**
   * As {@link #run(List, PrintWriter, PrintWriter, Action)}; with {@code missingOk} (docker's
   * {@code rm -f}) a container that does not exist is reported but is no failure.
   */
  static List<String> run(
      List<String> args, PrintWriter out, PrintWriter err, boolean missingOk, Action action)
      throws IOException {
    List<String> failed = new java.util.ArrayList<>();
    for (String arg : args) {
      try {
        action.apply(arg);
        out.println(arg);
        out.flush();
      } catch (ContainerException e) {
        err.println(ErrorText.of(ContainerErrors.of(e)));
        err.flush();
        if (!(missingOk && e.isNotFound())) {
          failed.add(arg);
        }
      }
    }
    return failed;
  }

  /** The exit code: 1 if anything failed. */
  static int code(List<String> failed) {
    return failed.isEmpty() ? 0 : 1;
  }
}
