package io.jdock.cli;

import io.jdock.cli.format.FormatException;
import io.jdock.cli.format.GoTemplate;
import io.jdock.cli.format.TemplateException;
import io.jdock.reference.InvalidReferenceException;
import io.jdock.store.ContainerRecord;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jdock system df [-v] [--format F]}: the store's disk usage as docker's {@code system df}
 * shows it: TYPE TOTAL ACTIVE SIZE RECLAIMABLE for images, containers, (no) volumes and (no) build
 * cache; with {@code -v}, a table per type.
 */
@Command(
    name = "df",
    description = "Show jdock disk usage",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock system df [OPTIONS]")
final class SystemDfCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "string",
      description =
          "Format output using a custom template: 'table', 'table TEMPLATE', 'json' or 'TEMPLATE'")
  String format = "";

  @Option(
      names = {"-v", "--verbose"},
      description = "Show detailed information on space usage")
  boolean verbose;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    Instant now = Instant.now();
    boolean table = format.isEmpty() || format.equals("table");
    try (ImageStore store = Stores.open(spec)) {
      if (!verbose) {
        String source = format.equals("raw") ? DiskUsageRows.RAW : format;
        DiskUsageRows.SUMMARY.write(out, source, DiskUsageRows.summary(store.diskUsage()));
        return 0;
      }
      DiskUsageRows rows = new DiskUsageRows(now);
      List<Map<String, Object>> images = new ArrayList<>();
      for (ImageSummary image :
          new ImageListing(store, now, ZoneId.systemDefault())
              .list(false, ImageFilters.none(), true)) {
        images.add(rows.image(image, table));
      }
      List<Map<String, Object>> containers = new ArrayList<>();
      for (ContainerRecord c : store.containers().list()) {
        containers.add(rows.container(c, store.containers().upperSize(c), table));
      }
      out.print(table ? verboseTables(images, containers) : verboseTemplate(images, containers));
      out.flush();
    } catch (FormatException e) {
      throw new UserException(e.getMessage(), e.exitStatus());
    } catch (InvalidFilterException | NoSuchImageException | InvalidReferenceException e) {
      throw new IllegalStateException("listing without filters failed", e);
    }
    return 0;
  }

  private static String verboseTables(
      List<Map<String, Object>> images, List<Map<String, Object>> containers)
      throws FormatException {
    return "Images space usage:\n\n"
        + DiskUsageRows.IMAGES.render("", images)
        + "\nContainers space usage:\n\n"
        + DiskUsageRows.CONTAINERS.render("", containers)
        + "\nLocal Volumes space usage:\n\n"
        + DiskUsageRows.VOLUMES.render("", List.of())
        + "\nBuild cache usage: 0B\n\n"
        + DiskUsageRows.BUILD_CACHE.render("", List.of());
  }

  /** docker runs a {@code -v} template once, on all four lists, with no newline after it. */
  private String verboseTemplate(
      List<Map<String, Object>> images, List<Map<String, Object>> containers)
      throws FormatException {
    Map<String, Object> all = new LinkedHashMap<>();
    all.put("Images", images);
    all.put("Containers", containers);
    all.put("Volumes", List.of());
    all.put("BuildCache", List.of());
    String source = format.equals("json") ? "{{json .}}" : format;
    try {
      return GoTemplate.parse(source.replace("\\t", "\t").replace("\\n", "\n")).execute(all);
    } catch (TemplateException e) {
      throw new FormatException("template parsing error: " + e.getMessage(), 1);
    }
  }
}
