package io.jdock.cli;

import io.jdock.cli.format.Units;
import io.jdock.store.ImageFilters;
import io.jdock.store.ImageRemover;
import io.jdock.store.ImageStore;
import io.jdock.store.InvalidFilterException;
import io.jdock.store.PruneReport;
import io.jdock.store.RemoveRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jdock image prune [-a] [-f] [--filter ...]}: removes dangling images (with {@code -a},
 * every image no container uses) after docker's confirmation prompt, and prints what went and the
 * space freed.
 */
@Command(
    name = "prune",
    description = "Remove unused images",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock image prune [OPTIONS]")
final class ImagePruneCommand implements Callable<Integer> {
  static final String DANGLING_WARNING =
      "WARNING! This will remove all dangling images.\nAre you sure you want to continue?";
  static final String ALL_WARNING =
      "WARNING! This will remove all images without at least one container associated to them.\n"
          + "Are you sure you want to continue?";

  @Spec CommandSpec spec;

  @Option(
      names = {"-a", "--all"},
      description = "Remove all unused images, not just dangling ones")
  boolean all;

  @Option(
      names = "--filter",
      paramLabel = "filter",
      description = "Provide filter values (e.g. \"until=<timestamp>\")")
  List<String> filters = new ArrayList<>();

  @Option(
      names = {"-f", "--force"},
      description = "Do not prompt for confirmation")
  boolean force;

  /** Where the answer to the prompt comes from (tests replace it). */
  InputStream in = System.in;

  @Override
  public Integer call() throws IOException {
    ImageFilters imageFilters = FilterFlags.parse(spec, filters, "--filter");
    imageFilters.add("dangling", String.valueOf(!all));
    PrintWriter out = spec.commandLine().getOut();
    if (!force && !Confirmation.ask(in, out, all ? ALL_WARNING : DANGLING_WARNING)) {
      // docker: "image prune has been cancelled", a cancellation that exits 0 silently.
      return 0;
    }
    PruneReport report;
    try (ImageStore store = Stores.open(spec)) {
      report = new ImageRemover(store).prune(imageFilters, Instant.now());
    } catch (InvalidFilterException e) {
      throw new DaemonStyleError(e.getMessage());
    }
    if (!report.records().isEmpty()) {
      out.println("Deleted Images:");
      report.records().forEach(r -> out.println(line(r)));
      out.println();
    }
    out.println("Total reclaimed space: " + Units.humanSize(report.reclaimedBytes()));
    out.flush();
    return 0;
  }

  /**
   * docker's prune lines are lower-case: {@code untagged: x:latest}, {@code deleted: sha256:...}.
   */
  private static String line(RemoveRecord record) {
    if (record instanceof RemoveRecord.Untagged u) {
      return "untagged: " + u.reference().familiarString();
    }
    if (record instanceof RemoveRecord.DeletedImage d) {
      return "deleted: " + d.id();
    }
    return "deleted: " + ((RemoveRecord.DeletedLayer) record).chainId();
  }
}
