package io.jdock.cli;

import picocli.CommandLine.Command;

/** {@code jdock image ls} (alias {@code list}): {@code jdock images} in the image group. */
@Command(
    name = "ls",
    aliases = "list",
    description = "List images",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock image ls [OPTIONS] [REPOSITORY[:TAG]]")
final class ImageLsCommand extends ImagesCommand {
  @Override
  boolean hintsAmbiguousName() {
    return false;
  }
}
