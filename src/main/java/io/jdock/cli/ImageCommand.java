package io.jdock.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code jdock image COMMAND}: the image group, as {@code docker image}. A new subcommand is one
 * more class in the list below.
 */
@Command(
    name = "image",
    description = "Manage images",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    subcommands = {
      ImageImportCommand.class,
      ImageInspectCommand.class,
      ImageLoadCommand.class,
      ImageLsCommand.class,
      ImagePruneCommand.class,
      ImagePullCommand.class,
      ImagePushCommand.class,
      ImageRmCommand.class,
      ImageSaveCommand.class,
      ImageTagCommand.class,
    })
final class ImageCommand implements Runnable {
  @Spec CommandSpec spec;

  /** Without a subcommand, docker prints the group's help on stderr and exits 0. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getErr());
  }
}
