package io.jdock.cli;

import io.jdock.registry.HttpClients;
import io.jdock.sys.ProcessExit;
import picocli.CommandLine;

/** Entry point of the {@code jdock} command. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int code = run(args);
    System.out.flush();
    System.err.flush();
    ProcessExit.now(code, HttpClients.anyBuilt());
  }

  /** Runs one command line and returns its exit code (used by tests, too). */
  public static int run(String... args) {
    return newCommandLine().execute(args);
  }

  /** Commands like {@code run IMAGE ls -l} leave the options after IMAGE to the command. */
  private static void stopAtPositionals(CommandLine cl) {
    if (cl.getCommand() instanceof StopsAtPositional) {
      cl.setStopAtPositional(true);
    }
    cl.getSubcommands().values().forEach(Main::stopAtPositionals);
  }

  /** The configured command tree. */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new JdockCommand());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(new UsageErrors());
    cl.setExecutionExceptionHandler(new ExecutionErrors());
    cl.setUsageHelpLongOptionsMaxWidth(30);
    stopAtPositionals(cl);
    return cl;
  }
}
