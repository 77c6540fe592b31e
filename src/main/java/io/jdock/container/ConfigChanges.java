package io.jdock.container;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jdock.oci.ContainerConfig;
import io.jdock.oci.OciJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code commit -c}: Dockerfile instructions applied to a config as docker's builder applies them
 * (CMD, ENTRYPOINT, ENV, EXPOSE, LABEL, ONBUILD, STOPSIGNAL, USER, VOLUME, WORKDIR). Exec form
 * ({@code ["a","b"]}) is taken as it is, shell form runs through {@code /bin/sh -c}; ENTRYPOINT
 * clears a CMD not set by an earlier change.
 */
public final class ConfigChanges {
  private ContainerConfig c;
  private boolean cmdSet;

  private ConfigChanges(ContainerConfig c) {
    this.c = c;
  }

  /** CONFIG with CHANGES applied in order. */
  public static ContainerConfig apply(ContainerConfig config, List<String> changes)
      throws ContainerException {
    ConfigChanges b = new ConfigChanges(config);
    for (String change : changes) {
      b.apply(change.strip());
    }
    return b.c;
  }

  private void apply(String change) throws ContainerException {
    int sp = change.indexOf(' ');
    String word = (sp < 0 ? change : change.substring(0, sp)).toUpperCase(Locale.ROOT);
    String rest = sp < 0 ? "" : change.substring(sp + 1).strip();
    switch (word) {
      case "CMD" -> {
        c = c.withCmd(command(rest));
        cmdSet = true;
      }
      case "ENTRYPOINT" -> {
        c = c.withEntrypoint(command(rest));
        if (!cmdSet) {
          c = c.withCmd(null);
        }
      }
      case "ENV" -> c = c.withEnv(ContainerConfigs.replaceOrAppend(c.env(), pairs(rest, true)));
      case "LABEL" -> c = with(c, "Labels", labels(rest));
      case "EXPOSE" -> c = with(c, "ExposedPorts", ports(rest));
      case "VOLUME" -> c = with(c, "Volumes", volumes(rest));
      case "USER" -> c = c.withUser(rest);
      case "WORKDIR" -> c = c.withWorkingDir(workdir(rest));
      case "STOPSIGNAL" -> c = with(c, "StopSignal", rest);
      case "ONBUILD" -> c = with(c, "OnBuild", appended(c.onBuild(), rest));
      default -> throw new ContainerException(word + " is not a valid change command", 1);
    }
  }

  private static List<String> command(String rest) throws ContainerException {
    if (rest.startsWith("[")) {
      try {
        return OciJson.mapper().readValue(rest, new TypeReference<List<String>>() {});
      } catch (IOException e) {
        // not JSON: docker then takes it as shell form too
      }
    }
    return List.of("/bin/sh", "-c", rest);
  }

  /** {@code k=v k2="v 2"}; with {@code legacy}, {@code k v} (one pair, the rest is the value). */
  static List<String> pairs(String rest, boolean legacy) throws ContainerException {
    List<String> out = new ArrayList<>();
    List<String> words = Words.split(rest);
    if (legacy && !words.isEmpty() && !words.get(0).contains("=")) {
      int sp = rest.indexOf(' ');
      if (sp < 0) {
        throw new ContainerException("ENV names can not be blank", 1);
      }
      out.add(rest.substring(0, sp) + "=" + rest.substring(sp + 1).strip());
      return out;
    }
    for (String w : words) {
      if (!w.contains("=") || w.startsWith("=")) {
        throw new ContainerException("Syntax error - can't find = in \"" + w + "\"", 1);
      }
      out.add(w);
    }
    return out;
  }

  private Map<String, String> labels(String rest) throws ContainerException {
    Map<String, String> labels = new LinkedHashMap<>(c.labels());
    for (String p : pairs(rest, true)) {
      int eq = p.indexOf('=');
      labels.put(p.substring(0, eq), p.substring(eq + 1));
    }
    return labels;
  }

  private Map<String, Object> ports(String rest) {
    Map<String, Object> ports =
        new LinkedHashMap<>(c.exposedPorts() == null ? Map.of() : c.exposedPorts());
    for (String p : rest.split("\\s+")) {
      if (!p.isEmpty()) {
        ports.put(p.contains("/") ? p : p + "/tcp", Map.of());
      }
    }
    return ports;
  }

  private Map<String, Object> volumes(String rest) throws ContainerException {
    Map<String, Object> v = new LinkedHashMap<>(c.volumes() == null ? Map.of() : c.volumes());
    List<String> paths = rest.startsWith("[") ? command(rest) : List.of(rest.split("\\s+"));
    for (String p : paths) {
      if (!p.isEmpty()) {
        v.put(p, Map.of());
      }
    }
    return v;
  }

  private String workdir(String rest) {
    if (rest.startsWith("/")) {
      return rest;
    }
    String base = c.workingDir().isEmpty() ? "/" : c.workingDir();
    return java.nio.file.Path.of(base).resolve(rest).normalize().toString();
  }

  private static List<String> appended(List<String> list, String item) {
    List<String> out = new ArrayList<>(list == null ? List.of() : list);
    out.add(item);
    return out;
  }

  /** CONFIG with one field replaced, through its JSON form (ContainerConfig has no withers). */
  private static ContainerConfig with(ContainerConfig config, String field, Object value) {
    var node = OciJson.mapper().valueToTree(config);
    ((com.fasterxml.jackson.databind.node.ObjectNode) node)
        .set(field, OciJson.mapper().valueToTree(value));
    return OciJson.mapper().convertValue(node, ContainerConfig.class);
  }
}
