/**
 * The command line: picocli commands that parse, call one service, and print through the command's
 * output writer. docker's classic CLI is the model for names, flags, columns and messages; errors
 * end here as one line on stderr with exit code 1 (125 for usage errors; the stack trace only with
 * {@code --debug}). Nothing imports this package.
 */
package io.jdock.cli;
