package io.jdock.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors as docker's CLI prints them: bad flags exit 125 ({@code unknown flag: --x}), wrong
 * argument counts exit 1 ({@code "jdock pull" requires exactly 1 argument.}), both followed by the
 * usage line and a pointer to {@code --help}.
 */
final class UsageErrors implements IParameterExceptionHandler {
  static final int USAGE_EXIT = 125;

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    String path = cl.getCommandSpec().qualifiedName();
    String synopsis = cl.getHelp().synopsis(0).strip();
    int code = USAGE_EXIT;
    String message;
    if (ex instanceof MissingParameterException || isTooManyArguments(ex)) {
      message = "\"" + path + "\" " + arityText(cl) + ".";
      code = 1;
    } else if (ex instanceof UnmatchedArgumentException u
        && !u.getUnmatched().isEmpty()
        && u.getUnmatched().get(0).startsWith("-")) {
      String flag = u.getUnmatched().get(0);
      int eq = flag.indexOf('=');
      flag = eq > 0 ? flag.substring(0, eq) : flag;
      message =
          flag.startsWith("--")
              ? "unknown flag: " + flag
              : "unknown shorthand flag: '" + flag.charAt(1) + "' in " + flag;
    } else {
      message = ex.getMessage();
    }
    err.println(message);
    err.println("See '" + path + " --help'.");
    err.println();
    err.println("Usage:  " + synopsis);
    err.flush();
    return code;
  }

  private static boolean isTooManyArguments(ParameterException ex) {
    return ex instanceof UnmatchedArgumentException u
        && !u.getUnmatched().isEmpty()
        && !u.getUnmatched().get(0).startsWith("-");
  }

  private static String arityText(CommandLine cl) {
    var positionals = cl.getCommandSpec().positionalParameters();
    int min = 0;
    int max = 0;
    for (var p : positionals) {
      min += p.arity().min();
      max =
          p.arity().isVariable() || max == Integer.MAX_VALUE
              ? Integer.MAX_VALUE
              : max + p.arity().max();
    }
    if (min == max) {
      return "requires exactly " + min + " argument" + (min == 1 ? "" : "s");
    }
    if (max == Integer.MAX_VALUE) {
      return "requires at least " + min + " argument" + (min == 1 ? "" : "s");
    }
    return "requires at least " + min + " and at most " + max + " arguments";
  }
}
