package io.jdock.cli;

import picocli.CommandLine.Command;

/** {@code jdock image push}: {@code jdock push} in the image group. */
@Command(
    name = "push",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock image push [OPTIONS] NAME[:TAG]",
    description = "Upload an image to a registry")
final class ImagePushCommand extends PushCommand {}
