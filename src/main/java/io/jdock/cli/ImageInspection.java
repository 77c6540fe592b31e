package io.jdock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdock.cli.format.FormatException;
import io.jdock.cli.format.GoNil;
import io.jdock.cli.format.GoValues;
import io.jdock.cli.format.Inspector;
import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;
import io.jdock.store.Image;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code docker image inspect} of one image in docker's classic form (reference doc section 1.6;
 * the {@code types.ImageInspect} of docker 27 at API 1.47, the last one docker shows for an image
 * loaded from an OCI config before 28 moved {@code Config} to the end): {@code Id, RepoTags,
 * RepoDigests, Parent, Comment, Created, DockerVersion, Author, Config, Architecture, [Variant],
 * Os, [OsVersion], Size, GraphDriver, RootFS, Metadata}. {@code Container}, {@code ContainerConfig}
 * and {@code VirtualSize} are left out as every docker since API 1.45 does; templates still reach
 * them.
 */
final class ImageInspection {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  private ImageInspection() {}

  /** The image as docker's Go struct: field access by Go names, JSON as the daemon sends it. */
  static InspectStruct typed(Image image) throws IOException {
    JsonNode config = MAPPER.readTree(image.config().raw());
    InspectStruct s = new InspectStruct();
    s.field("ID", "Id", image.id().toString(), false);
    s.field("RepoTags", familiar(image.repoTags()));
    s.field("RepoDigests", familiar(image.repoDigests()));
    s.field("Parent", image.parent().map(Digest::toString).orElse(""));
    s.field("Comment", comment(config));
    s.omitEmpty("Created", ConfigFields.created(config));
    s.omitEmpty("Container", ConfigFields.text(config, "container"));
    s.omitEmpty("ContainerConfig", null);
    s.field("DockerVersion", ConfigFields.text(config, "docker_version"));
    s.field("Author", ConfigFields.text(config, "author"));
    // A config without "config" has a nil *container.Config in docker: "Config": null.
    JsonNode containerConfig = config.path("config");
    s.field(
        "Config",
        containerConfig.isObject() ? ConfigFields.containerConfig(containerConfig) : null);
    s.field("Architecture", ConfigFields.text(config, "architecture"));
    s.omitEmpty("Variant", ConfigFields.text(config, "variant"));
    String os = ConfigFields.text(config, "os");
    s.field("Os", os.isEmpty() ? "linux" : os);
    s.omitEmpty("OsVersion", ConfigFields.text(config, "os.version"));
    s.field("Size", image.size());
    s.omitEmpty("VirtualSize", 0L);
    s.field(
        "GraphDriver",
        new InspectStruct().field("Data", GoValues.stringMap(null)).field("Name", "jdock"));
    List<String> layers = image.diffIds().stream().map(Digest::toString).toList();
    s.field(
        "RootFS",
        new InspectStruct()
            .omitEmpty("Type", image.config().value().rootfs().type())
            .omitEmpty("Layers", layers.isEmpty() ? GoNil.SLICE : layers));
    s.field(
        "Metadata",
        new InspectStruct().field("LastTagTime", image.lastTagTime().orElse(GO_ZERO_TIME)));
    return s;
  }

  /** The struct's JSON decoded as docker's CLI decodes it: plain maps, float64 numbers. */
  static Object raw(InspectStruct typed) throws FormatException, IOException {
    Inspector json = Inspector.create("json");
    json.add(typed);
    return decode(MAPPER.readTree(json.render()).get(0));
  }

  /** docker: the config's comment, else that of the last history entry. */
  private static String comment(JsonNode config) {
    String comment = ConfigFields.text(config, "comment");
    JsonNode history = config.path("history");
    if (comment.isEmpty() && history.isArray() && !history.isEmpty()) {
      return ConfigFields.text(history.get(history.size() - 1), "comment");
    }
    return comment;
  }

  private static List<String> familiar(List<ImageReference> refs) {
    return refs.stream().map(ImageReference::familiarString).toList();
  }

  private static Object decode(JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      node.fields().forEachRemaining(e -> map.put(e.getKey(), decode(e.getValue())));
      return map;
    }
    if (node.isArray()) {
      List<Object> list = new ArrayList<>();
      node.forEach(e -> list.add(decode(e)));
      return list;
    }
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return node.isNull() ? null : node.asText();
  }
}
