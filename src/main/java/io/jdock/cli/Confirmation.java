package io.jdock.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * docker's confirmation prompt (cli/command/utils.go PromptForConfirmation): the message, then
 * {@code [y/N] } without a newline; one line is read and only {@code y} or {@code Y} (spaces
 * trimmed) answers yes; end of input answers no.
 */
final class Confirmation {
  private Confirmation() {}

  static boolean ask(InputStream in, PrintWriter out, String message) throws IOException {
    out.print(message + " [y/N] ");
    out.flush();
    BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line = reader.readLine();
    return line != null && line.strip().equalsIgnoreCase("y");
  }
}
