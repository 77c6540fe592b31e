package io.jdock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jdock container}: the container commands as docker groups them. */
@Command(
    name = "container",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock container COMMAND",
    description = "Manage containers",
    subcommands = {
      CommitCommand.class,
      CreateCommand.class,
      DiffCommand.class,
      ExecCommand.class,
      ExportCommand.class,
      KillCommand.class,
      LogsCommand.class,
      ContainerCommand.Ls.class,
      ContainerCommand.Rm.class,
      RunCommand.class,
      StartCommand.class,
      StopCommand.class,
    })
final class ContainerCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code jdock container ls}, also {@code ps} and {@code list}. */
  @Command(
      name = "ls",
      aliases = {"ps", "list"},
      mixinStandardHelpOptions = true,
      customSynopsis = "jdock container ls [OPTIONS]",
      description = "List containers")
  static final class Ls extends PsCommand {}

  /** {@code jdock container rm}, also {@code remove}. */
  @Command(
      name = "rm",
      aliases = {"remove"},
      mixinStandardHelpOptions = true,
      customSynopsis = "jdock container rm [OPTIONS] CONTAINER [CONTAINER...]",
      description = "Remove one or more containers")
  static final class Rm extends RmCommand {}
}
