package io.jdock.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Usage errors as docker's CLI (cli/cobra.go, cli/required.go) prints them: an unknown command or a
 * wrong number of arguments exits 1 ({@code jdock: 'jdock tag' requires 2 arguments}), a bad flag
 * exits 125 ({@code unknown flag: --x}); each is followed by the usage line and a pointer to {@code
 * --help}.
 */
final class UsageErrors implements IParameterExceptionHandler {
  static final int USAGE_EXIT = 125;

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    CommandSpec spec = cl.getCommandSpec();
    PrintWriter err = cl.getErr();
    String path = spec.qualifiedName();
    String unmatched = firstUnmatched(ex);
    if (unmatched != null && !unmatched.startsWith("-") && !spec.subcommands().isEmpty()) {
      err.println("jdock: unknown command: " + path + " " + unmatched);
      err.println();
      if (spec.parent() != null) {
        err.println("Usage:  " + path);
        err.println();
      }
      err.println("Run '" + path + " --help' for more information");
      err.flush();
      return 1;
    }
    if (ex instanceof MissingParameterException missing
        && !missing.getMissing().stream().allMatch(a -> a.isPositional())) {
      return flagError(err, cl, missingValue(missing, args));
    }
    if (ex instanceof MissingParameterException
        || (unmatched != null && !unmatched.startsWith("-"))) {
      Arity a = Arity.of(spec);
      err.println("jdock: '" + path + "' " + a.text());
      err.println();
      err.println("Usage:  " + synopsis(cl));
      err.println();
      err.println((a.isMinOnly() ? "See '" : "Run '") + path + " --help' for more information");
      err.flush();
      return 1;
    }
    if (unmatched != null) {
      String flag = unmatched;
      int eq = flag.indexOf('=');
      flag = eq > 0 ? flag.substring(0, eq) : flag;
      return flagError(
          err,
          cl,
          flag.startsWith("--")
              ? "unknown flag: " + flag
              : "unknown shorthand flag: '" + flag.charAt(1) + "' in " + flag);
    }
    return flagError(err, cl, ex.getMessage());
  }

  private static int flagError(PrintWriter err, CommandLine cl, String message) {
    err.println(message);
    err.println();
    err.println("Usage:  " + synopsis(cl));
    err.println();
    err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for more information");
    err.flush();
    return USAGE_EXIT;
  }

  /**
   * pflag's text for an option given without its value: {@code flag needs an argument: --filter} or
   * {@code flag needs an argument: 'f' in -f}, naming the option as it was typed.
   */
  private static String missingValue(MissingParameterException ex, String[] args) {
    if (!(ex.getMissing().get(0) instanceof OptionSpec option)) {
      return ex.getMessage();
    }
    for (int i = args.length - 1; i >= 0; i--) {
      String arg = args[i];
      for (String name : option.names()) {
        boolean shortName = !name.startsWith("--") && name.length() == 2;
        if (arg.equals(name)) {
          return shortName
              ? "flag needs an argument: '" + name.charAt(1) + "' in " + name
              : "flag needs an argument: " + name;
        }
        // A cluster of short flags ending with this one (-qf), which pflag names alone.
        if (shortName
            && !arg.startsWith("--")
            && arg.startsWith("-")
            && arg.endsWith(name.substring(1))) {
          return "flag needs an argument: '" + name.charAt(1) + "' in " + name;
        }
      }
    }
    return ex.getMessage();
  }

  private static String firstUnmatched(ParameterException ex) {
    if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
      return u.getUnmatched().get(0);
    }
    return null;
  }

  /** The command's usage line, docker style: its custom synopsis if it has one. */
  static String synopsis(CommandLine cl) {
    String[] custom = cl.getCommandSpec().usageMessage().customSynopsis();
    if (custom.length > 0) {
      return custom[0].strip();
    }
    return cl.getHelp().synopsis(0).strip();
  }

  /** How many positional arguments a command takes, in docker's words. */
  record Arity(int min, int max) {
    static Arity of(CommandSpec spec) {
      int min = 0;
      int max = 0;
      for (var p : spec.positionalParameters()) {
        min += p.arity().min();
        max =
            p.arity().isVariable() || max == Integer.MAX_VALUE
                ? Integer.MAX_VALUE
                : max + p.arity().max();
      }
      return new Arity(min, max);
    }

    boolean isMinOnly() {
      return max == Integer.MAX_VALUE;
    }

    String text() {
      if (max == 0) {
        return "accepts no arguments";
      }
      if (min == max) {
        return "requires " + plural(min);
      }
      if (isMinOnly()) {
        return "requires at least " + plural(min);
      }
      if (min == 0) {
        return "requires at most " + plural(max);
      }
      return "requires at least " + min + " and at most " + plural(max);
    }

    private static String plural(int n) {
      return n + " argument" + (n == 1 ? "" : "s");
    }
  }
}
