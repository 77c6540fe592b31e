package io.jdock.cli;

import picocli.CommandLine.Command;

/** {@code jdock image import}: {@code jdock import} in the image group. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock image import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]",
    description = "Import the contents from a tarball to create a filesystem image")
final class ImageImportCommand extends ImportCommand {}
