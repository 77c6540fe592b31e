package io.jdock.cli;

import picocli.CommandLine.Command;

/** {@code jdock image save}: {@code jdock save} in the image group. */
@Command(
    name = "save",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock image save [OPTIONS] IMAGE [IMAGE...]",
    description = "Save one or more images to a tar archive (streamed to STDOUT by default)")
final class ImageSaveCommand extends SaveCommand {}
