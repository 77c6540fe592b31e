package io.jdock.cli;

import picocli.CommandLine.Command;

/** {@code jdock image load}: {@code jdock load} in the image group. */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock image load [OPTIONS]",
    description = "Load an image from a tar archive or STDIN")
final class ImageLoadCommand extends LoadCommand {}
