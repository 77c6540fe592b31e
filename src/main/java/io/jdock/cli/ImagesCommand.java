package io.jdock.cli;

import io.jdock.cli.format.FormatException;
import io.jdock.reference.InvalidReferenceException;
import io.jdock.store.ImageFilters;
import io.jdock.store.ImageListing;
import io.jdock.store.ImageStore;
import io.jdock.store.ImageSummary;
import io.jdock.store.InvalidFilterException;
import io.jdock.store.NoSuchImageException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jdock images [OPTIONS] [REPOSITORY[:TAG]]}: the images of the store, as docker's classic
 * {@code docker images} lists them (reference doc section 1.4).
 */
@Command(
    name = "images",
    description = "List images",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock images [OPTIONS] [REPOSITORY[:TAG]]")
class ImagesCommand implements Callable<Integer> {
  /**
   * The subcommands of {@code docker image}: a name among them draws a hint when nothing matched.
   */
  private static final Set<String> IMAGE_SUBCOMMANDS =
      Set.of(
          "build", "history", "import", "inspect", "list", "load", "ls", "prune", "pull", "push",
          "rm", "save", "tag");

  @Spec CommandSpec spec;

  @Option(
      names = {"-a", "--all"},
      description = "Show all images (default hides intermediate images)")
  boolean all;

  @Option(names = "--digests", description = "Show digests")
  boolean digests;

  @Option(
      names = {"-f", "--filter"},
      paramLabel = "filter",
      description = "Filter output based on conditions provided")
  List<String> filters = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "string",
      description =
          "Format output using a custom template: 'table', 'table TEMPLATE', 'json' or 'TEMPLATE'")
  String format = "";

  @Option(names = "--no-trunc", description = "Don't truncate output")
  boolean noTrunc;

  @Option(
      names = {"-q", "--quiet"},
      description = "Only show image IDs")
  boolean quiet;

  @Parameters(arity = "0..1", paramLabel = "REPOSITORY[:TAG]", description = "Images to list")
  String matchName;

  @Override
  public Integer call() throws IOException {
    ImageFilters imageFilters = FilterFlags.parse(spec, filters, "-f, --filter");
    if (matchName != null && !matchName.isEmpty()) {
      imageFilters.add("reference", matchName);
    }
    Instant now = Instant.now();
    List<ImageSummary> images;
    try (ImageStore store = Stores.open(spec)) {
      images = new ImageListing(store, now, ZoneId.systemDefault()).list(all, imageFilters, false);
    } catch (InvalidFilterException | NoSuchImageException | InvalidReferenceException e) {
      throw new DaemonStyleError(e.getMessage());
    }
    String source = ImageRows.format(format, quiet, digests);
    ImageRows rows = new ImageRows(!noTrunc, now);
    boolean digestColumn = digests || source.contains("{{.Digest}}");
    List<Map<String, Object>> table = new ArrayList<>();
    images.forEach(image -> table.addAll(rows.of(image, digests, digestColumn)));
    try {
      ImageRows.FORMAT.write(spec.commandLine().getOut(), source, table);
    } catch (FormatException e) {
      throw new UserException(e.getMessage(), e.exitStatus());
    }
    if (hintsAmbiguousName()
        && matchName != null
        && images.isEmpty()
        && IMAGE_SUBCOMMANDS.contains(matchName)) {
      PrintWriter err = spec.commandLine().getErr();
      err.printf(
          "%nNo images found matching \"%s\": did you mean \"jdock image %s\"?%n",
          matchName, matchName);
      err.flush();
    }
    return 0;
  }

  /** Only the top-level {@code images} explains a name that is also an image subcommand. */
  boolean hintsAmbiguousName() {
    return true;
  }
}
