package io.jdock.cli;

import picocli.CommandLine.Command;

/** {@code jdock image rm} (alias {@code remove}): {@code jdock rmi} in the image group. */
@Command(
    name = "rm",
    aliases = "remove",
    description = "Remove one or more images",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock image rm [OPTIONS] IMAGE [IMAGE...]")
final class ImageRmCommand extends RmiCommand {}
