package io.jdock.cli;

import io.jdock.registry.LoginConsole;
import io.jdock.sys.Posix;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The login console over the process's stdin and the command's output writers: prompts on stdout
 * (as docker), the password read without echo when there is a terminal to read it from.
 */
final class TerminalConsole implements LoginConsole {
  private static final int STDIN = 0;

  private final InputStream stdin;
  private final PrintWriter out;
  private final PrintWriter err;
  private BufferedReader lines;

  TerminalConsole(InputStream stdin, PrintWriter out, PrintWriter err) {
    this.stdin = stdin;
    this.out = out;
    this.err = err;
  }

  @Override
  public boolean isTerminal() {
    return Posix.isatty(STDIN);
  }

  /** On a terminal, through {@link Console} (which reads a line at a time, unbuffered). */
  @Override
  public String readLine(String prompt) throws IOException {
    out.flush();
    Console console = System.console();
    if (console != null) {
      String line = console.readLine("%s", prompt);
      return line == null ? "" : line;
    }
    out.print(prompt);
    out.flush();
    String line = lines().readLine();
    return line == null ? "" : line;
  }

  @Override
  public String readPassword(String prompt) throws IOException {
    out.flush();
    Console console = System.console();
    if (console == null) {
      return readLine(prompt);
    }
    char[] password = console.readPassword("%s", prompt);
    return password == null ? "" : new String(password);
  }

  @Override
  public String readStdin() throws IOException {
    return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
  }

  @Override
  public void out(String line) {
    out.println(line);
    out.flush();
  }

  @Override
  public void err(String text) {
    err.print(text);
    err.flush();
  }

  private BufferedReader lines() {
    if (lines == null) {
      lines = new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    }
    return lines;
  }
}
