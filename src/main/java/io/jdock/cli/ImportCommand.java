package io.jdock.cli;

import io.jdock.archive.ImageImporter;
import io.jdock.archive.ImportedImage;
import io.jdock.archive.InvalidChangeException;
import io.jdock.container.Layers;
import io.jdock.oci.Platform;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import io.jdock.store.ImageStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jdock import [-c CHANGE]... [-m MESSAGE] FILE|- [REPOSITORY[:TAG]]}: docker's {@code
 * import} (reference doc section 1.8); prints the new image's ID. Like docker's client, it ignores
 * arguments after the repository.
 */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]",
    description = "Import the contents from a tarball to create a filesystem image")
class ImportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-c", "--change"},
      paramLabel = "list",
      description = "Apply Dockerfile instruction to the created image")
  List<String> changes = new ArrayList<>();

  @Option(
      names = {"-m", "--message"},
      paramLabel = "string",
      description = "Set commit message for imported image")
  String message = "";

  @Parameters(index = "0", paramLabel = "file|URL|-", description = "The root filesystem tar")
  String source;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "REPOSITORY[:TAG]",
      description = "The name to give the image")
  String repository;

  @Parameters(index = "2..*", arity = "0..*", hidden = true)
  List<String> ignored;

  @Override
  public Integer call() throws Exception {
    Optional<ImageReference> tag = tag();
    if (source.startsWith("http://") || source.startsWith("https://")) {
      throw new UserException("importing from a URL is not supported: " + source);
    }
    InputStream input = open();
    try (ImageStore store = Stores.open(spec);
        InputStream in = input) {
      ImageImporter importer =
          new ImageImporter(store, Layers.unpacker(), Platform.host(), Clock.systemUTC());
      ImportedImage image = importer.importTar(in, tag, changes, message);
      spec.commandLine().getOut().println(image.id());
      spec.commandLine().getOut().flush();
    } catch (InvalidChangeException e) {
      throw new DaemonStyleError(e.getMessage());
    } catch (IOException e) {
      throw StreamErrors.of(e);
    }
    return 0;
  }

  /** The repository argument, checked as docker's client and daemon check it. */
  private Optional<ImageReference> tag() {
    if (repository == null || repository.isEmpty()) {
      return Optional.empty();
    }
    ImageReference ref;
    try {
      ref = ImageReference.parse(repository);
    } catch (InvalidReferenceException e) {
      throw new UserException(e.getMessage());
    }
    if (ref.digest().isPresent()) {
      throw new DaemonStyleError("cannot import digest reference");
    }
    return Optional.of(ref.withDefaultTag());
  }

  private InputStream open() throws IOException {
    return source.equals("-")
        ? new BufferedInputStream(System.in, 1 << 16)
        : InputFiles.open(source);
  }
}
