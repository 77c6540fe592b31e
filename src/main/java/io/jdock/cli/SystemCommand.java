package io.jdock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jdock system COMMAND}: the system group, as {@code docker system}. */
@Command(
    name = "system",
    description = "Manage jdock",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {SystemDfCommand.class})
final class SystemCommand implements Runnable {
  @Spec CommandSpec spec;

  /** Without a subcommand, docker prints the group's help on stderr and exits 0. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
