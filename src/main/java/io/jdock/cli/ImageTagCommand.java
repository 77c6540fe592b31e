package io.jdock.cli;

import picocli.CommandLine.Command;

/** {@code jdock image tag}: {@code jdock tag} in the image group. */
@Command(
    name = "tag",
    description = "Create a tag TARGET_IMAGE that refers to SOURCE_IMAGE",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock image tag SOURCE_IMAGE[:TAG] TARGET_IMAGE[:TAG]")
final class ImageTagCommand extends TagCommand {}
