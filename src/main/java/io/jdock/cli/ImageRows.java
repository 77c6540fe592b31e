package io.jdock.cli;

import io.jdock.cli.format.TableFormat;
import io.jdock.cli.format.Units;
import io.jdock.reference.ImageReference;
import io.jdock.store.ImageSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows of {@code docker images} (docker/cli cli/command/formatter/image.go): one per repository
 * and tag, digest-only repositories as {@code <none>} tags, dangling images as {@code <none>
 * <none>}, and the columns docker's image context has.
 */
final class ImageRows {
  static final String DEFAULT_TABLE =
      "table {{.Repository}}\t{{.Tag}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";
  static final String DIGESTS_TABLE =
      "table {{.Repository}}\t{{.Tag}}\t{{.Digest}}\t{{.ID}}\t{{if .CreatedSince }}{{.CreatedSince}}{{else}}N/A{{end}}\t{{.Size}}";
  static final String QUIET = "{{.ID}}";
  static final String RAW =
      "repository: {{ .Repository }}\ntag: {{.Tag}}\nimage_id: {{.ID}}\n"
          + "created_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n";
  static final String RAW_DIGESTS =
      "repository: {{ .Repository }}\ntag: {{.Tag}}\ndigest: {{.Digest}}\nimage_id: {{.ID}}\n"
          + "created_at: {{.CreatedAt}}\nvirtual_size: {{.Size}}\n";
  static final Map<String, String> HEADERS =
      Map.ofEntries(
          Map.entry("ID", "IMAGE ID"),
          Map.entry("Repository", "REPOSITORY"),
          Map.entry("Tag", "TAG"),
          Map.entry("Digest", "DIGEST"),
          Map.entry("CreatedSince", "CREATED"),
          Map.entry("CreatedAt", "CREATED AT"),
          Map.entry("Size", "SIZE"),
          Map.entry("Containers", "CONTAINERS"),
          Map.entry("VirtualSize", "SIZE"),
          Map.entry("SharedSize", "SHARED SIZE"),
          Map.entry("UniqueSize", "UNIQUE SIZE"));
  static final TableFormat FORMAT =
      new TableFormat(DEFAULT_TABLE, HEADERS, "*formatter.imageContext");

  /** Go's zero time in Unix seconds: docker shows {@code N/A} for images created then. */
  private static final long ZERO_TIME = -62135596800L;

  private final boolean truncate;
  private final Instant now;

  ImageRows(boolean truncate, Instant now) {
    this.truncate = truncate;
    this.now = now;
  }

  /**
   * docker's NewImageFormat: the user's format, or the default table ({@code -q}: IDs only, {@code
   * --digests}: with a DIGEST column, also added to a user's table that lacks one); {@code raw} is
   * docker's {@code key: value} form.
   */
  static String format(String userFormat, boolean quiet, boolean digests) {
    if (userFormat == null || userFormat.isEmpty() || userFormat.equals("table")) {
      return quiet ? QUIET : digests ? DIGESTS_TABLE : DEFAULT_TABLE;
    }
    if (userFormat.equals("raw")) {
      return quiet ? "image_id: {{.ID}}" : digests ? RAW_DIGESTS : RAW;
    }
    if (userFormat.startsWith("table") && digests && !userFormat.contains("{{.Digest}}")) {
      return userFormat + "\t{{.Digest}}";
    }
    return userFormat;
  }

  /**
   * The rows of one image. {@code digestsFlag} is {@code --digests}; {@code digestColumn} whether
   * the format shows digests at all (docker's needDigest).
   */
  List<Map<String, Object>> of(ImageSummary image, boolean digestsFlag, boolean digestColumn) {
    List<Map<String, Object>> rows = new ArrayList<>();
    if (image.repoTags().isEmpty() && image.repoDigests().isEmpty()) {
      rows.add(row(image, "<none>", "<none>", "<none>"));
      return rows;
    }
    Map<String, List<String>> tags = byRepository(image.repoTags());
    Map<String, List<String>> digests = byRepository(image.repoDigests());
    for (Map.Entry<String, List<String>> repo : tags.entrySet()) {
      List<String> repoDigests = digests.remove(repo.getKey());
      for (String tag : repo.getValue()) {
        if (!digestColumn || repoDigests == null) {
          rows.add(row(image, repo.getKey(), tag, "<none>"));
          continue;
        }
        repoDigests.forEach(d -> rows.add(row(image, repo.getKey(), tag, d)));
      }
    }
    for (Map.Entry<String, List<String>> repo : digests.entrySet()) {
      if (digestsFlag) {
        repo.getValue().forEach(d -> rows.add(row(image, repo.getKey(), "<none>", d)));
      } else {
        rows.add(row(image, repo.getKey(), "<none>", ""));
      }
    }
    return rows;
  }

  /** Familiar repository name to its tags (or digests), in the order given. */
  private static Map<String, List<String>> byRepository(List<ImageReference> refs) {
    Map<String, List<String>> result = new LinkedHashMap<>();
    for (ImageReference ref : refs) {
      String value = ref.digest().map(Object::toString).or(ref::tag).orElse("");
      result.computeIfAbsent(ref.familiarName(), k -> new ArrayList<>()).add(value);
    }
    return result;
  }

  private Map<String, Object> row(ImageSummary image, String repo, String tag, String digest) {
    String id = image.image().id().toString();
    Instant created = Instant.ofEpochSecond(image.created());
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("ID", truncate ? image.image().id().shortHex() : id);
    row.put("Repository", repo);
    row.put("Tag", tag);
    row.put("Digest", digest);
    row.put("CreatedSince", image.created() == ZERO_TIME ? "" : Units.createdSince(created, now));
    row.put("CreatedAt", Units.goTimeString(created));
    row.put("Size", Units.humanSizeWithPrecision(image.size(), 3));
    // docker 28 (API 1.50) does not count containers or shared sizes for a listing.
    row.put("Containers", "N/A");
    row.put("VirtualSize", Units.humanSize(image.size()));
    row.put("SharedSize", "N/A");
    row.put("UniqueSize", "N/A");
    return row;
  }
}
