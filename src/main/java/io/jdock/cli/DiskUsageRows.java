package io.jdock.cli;

import io.jdock.cli.format.GoTemplate;
import io.jdock.cli.format.TableFormat;
import io.jdock.cli.format.TemplateException;
import io.jdock.cli.format.Units;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ContainerState;
import io.jdock.store.DiskUsage;
import io.jdock.store.ImageSummary;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of {@code docker system df} (docker/cli cli/command/formatter/disk_usage.go, docker
 * 28): one summary row per type (Images, Containers, Local Volumes, Build Cache), and with {@code
 * -v} one table per type. jdock has no volumes and no build cache: their rows are zero.
 */
final class DiskUsageRows {
  static final TableFormat SUMMARY =
      new TableFormat(
          "table {{.Type}}\t{{.TotalCount}}\t{{.Active}}\t{{.Size}}\t{{.Reclaimable}}",
          Map.of(
              "Type", "TYPE",
              "TotalCount", "TOTAL",
              "Active", "ACTIVE",
              "Size", "SIZE",
              "Reclaimable", "RECLAIMABLE"),
          "*formatter.diskUsageImagesContext");

  /** docker's {@code --format raw} of the summary. */
  static final String RAW =
      "type: {{.Type}}\ntotal: {{.TotalCount}}\nactive: {{.Active}}\nsize: {{.Size}}\n"
          + "reclaimable: {{.Reclaimable}}\n";

  static final TableFormat IMAGES =
      new TableFormat(
          "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{.CreatedSince}}\t{{.Size}}\t{{.SharedSize}}"
              + "\t{{.UniqueSize}}\t{{.Containers}}",
          ImageRows.HEADERS,
          "*formatter.imageContext");
  static final TableFormat CONTAINERS =
      new TableFormat(
          "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.LocalVolumes}}\t{{.Size}}\t{{.RunningFor}}"
              + "\t{{.Status}}\t{{.Names}}",
          Map.of(
              "ID", "CONTAINER ID",
              "Image", "IMAGE",
              "Command", "COMMAND",
              "LocalVolumes", "LOCAL VOLUMES",
              "Size", "SIZE",
              "RunningFor", "CREATED",
              "Status", "STATUS",
              "Names", "NAMES"),
          "*formatter.ContainerContext");
  static final TableFormat VOLUMES =
      new TableFormat(
          "table {{.Name}}\t{{.Links}}\t{{.Size}}",
          Map.of("Name", "VOLUME NAME", "Links", "LINKS", "Size", "SIZE"),
          "*formatter.volumeContext");
  static final TableFormat BUILD_CACHE =
      new TableFormat(
          "table {{.ID}}\t{{.CacheType}}\t{{.Size}}\t{{.CreatedSince}}\t{{.LastUsedSince}}"
              + "\t{{.UsageCount}}\t{{.Shared}}",
          Map.of(
              "ID", "CACHE ID",
              "CacheType", "CACHE TYPE",
              "Size", "SIZE",
              "CreatedSince", "CREATED",
              "LastUsedSince", "LAST USED",
              "UsageCount", "USAGE",
              "Shared", "SHARED"),
          "*formatter.buildCacheContext");

  private static final GoTemplate QUOTE = quoteTemplate();
  private static final long ZERO_TIME = -62135596800L;

  private final Instant now;

  DiskUsageRows(Instant now) {
    this.now = now;
  }

  /** The four summary rows. */
  static List<Map<String, Object>> summary(DiskUsage usage) {
    DiskUsage.Usage none = new DiskUsage.Usage(0, 0, 0, 0);
    return List.of(
        summaryRow("Images", usage.images(), true),
        summaryRow("Containers", usage.containers(), true),
        summaryRow("Local Volumes", none, true),
        summaryRow("Build Cache", none, false));
  }

  private static Map<String, Object> summaryRow(
      String type, DiskUsage.Usage usage, boolean percent) {
    String reclaimable = Units.humanSize(usage.reclaimable());
    if (percent && usage.size() > 0) {
      reclaimable += " (" + usage.reclaimable() * 100 / usage.size() + "%)";
    }
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("Type", type);
    row.put("TotalCount", String.valueOf(usage.total()));
    row.put("Active", String.valueOf(usage.active()));
    row.put("Size", Units.humanSize(usage.size()));
    row.put("Reclaimable", reclaimable);
    return row;
  }

  /** An image of {@code -v}: its first tag only. */
  Map<String, Object> image(ImageSummary image, boolean truncate) {
    String repo = "<none>";
    String tag = "<none>";
    if (!image.repoTags().isEmpty()) {
      repo = image.repoTags().get(0).familiarName();
      tag = image.repoTags().get(0).tag().orElse("<none>");
    }
    long shared = image.sharedSize().orElse(0);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("ID", truncate ? image.image().id().shortHex() : image.image().id().toString());
    row.put("Repository", repo);
    row.put("Tag", tag);
    row.put("Digest", "");
    Instant created = Instant.ofEpochSecond(image.created());
    row.put("CreatedSince", image.created() == ZERO_TIME ? "" : Units.createdSince(created, now));
    row.put("CreatedAt", Units.goTimeString(created));
    row.put("Size", Units.humanSizeWithPrecision(image.size(), 3));
    row.put("Containers", String.valueOf(image.containers()));
    row.put("VirtualSize", Units.humanSize(image.size()));
    row.put("SharedSize", Units.humanSize(shared));
    row.put("UniqueSize", Units.humanSize(image.size() - shared));
    return row;
  }

  /** A container of {@code -v}. */
  Map<String, Object> container(ContainerRecord c, long size, boolean truncate) {
    String command = String.join(" ", c.command());
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("ID", truncate ? c.shortId() : c.id());
    row.put("Image", c.imageRef());
    row.put("Command", quote(truncate ? ellipsis(command, 20) : command));
    row.put("LocalVolumes", "0");
    row.put("Size", Units.humanSizeWithPrecision(size, 3));
    row.put("RunningFor", Units.createdSince(c.created(), now));
    row.put("Status", status(c));
    row.put("Names", c.name());
    row.put("CreatedAt", Units.goTimeString(c.created()));
    return row;
  }

  /** docker's container status: {@code Up 2 hours}, {@code Exited (0) 3 minutes ago}, ... */
  private String status(ContainerRecord c) {
    ContainerState state = c.state();
    if (state instanceof ContainerState.Running r) {
      return c.isRunning()
          ? "Up " + Units.humanDuration(Duration.between(r.started(), now))
          : "Dead";
    }
    if (state instanceof ContainerState.Exited e) {
      return "Exited (" + e.exitCode() + ") " + Units.createdSince(e.finished(), now);
    }
    return "Created";
  }

  /** docker's formatter.Ellipsis for plain text: at most {@code width} characters, then "…". */
  static String ellipsis(String s, int width) {
    int[] points = s.codePoints().toArray();
    if (points.length <= width) {
      return s;
    }
    return new String(points, 0, width - 1) + "…";
  }

  private static String quote(String s) {
    try {
      return QUOTE.execute(s);
    } catch (TemplateException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Go's strconv.Quote, through the template engine's {@code printf "%q"}. */
  private static GoTemplate quoteTemplate() {
    try {
      return GoTemplate.parse("{{printf \"%q\" .}}");
    } catch (TemplateException e) {
      throw new IllegalStateException(e);
    }
  }
}
