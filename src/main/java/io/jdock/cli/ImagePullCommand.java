package io.jdock.cli;

import picocli.CommandLine.Command;

/** {@code jdock image pull}: {@code jdock pull} in the image group. */
@Command(
    name = "pull",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock image pull [OPTIONS] NAME[:TAG|@DIGEST]",
    description = "Download an image from a registry")
final class ImagePullCommand extends PullCommand {}
