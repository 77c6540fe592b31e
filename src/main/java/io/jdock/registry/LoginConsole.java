package io.jdock.registry;

import java.io.IOException;

/** The terminal {@link Login} talks through; the CLI implements it over stdin/stdout/stderr. */
public interface LoginConsole {
  /** True when stdin is a terminal (prompting is possible). */
  boolean isTerminal();

  /** Prints {@code prompt} on stdout and reads a line. */
  String readLine(String prompt) throws IOException;

  /** Prints {@code prompt} and reads a line without echo. */
  String readPassword(String prompt) throws IOException;

  /** All of stdin. */
  String readStdin() throws IOException;

  /** A line for stdout. */
  void out(String line);

  /** Text for stderr, printed as is. */
  void err(String text);
}
