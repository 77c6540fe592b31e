package io.jdock.archive;

import com.fasterxml.jackson.core.type.TypeReference;
import io.jdock.oci.ContainerConfig;
import io.jdock.oci.OciJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code import --change}: Dockerfile instructions applied to a config, as docker's BuildFromConfig
 * applies them (https://docs.docker.com/reference/dockerfile/). Supported: CMD, ENTRYPOINT (exec
 * form as a JSON array, else shell form {@code /bin/sh -c}), ENV, LABEL, EXPOSE, VOLUME, WORKDIR
 * (relative to the previous one), USER, STOPSIGNAL, ONBUILD. Every instruction is checked before
 * any is applied.
 */
final class DockerfileChanges {
  private static final Set<String> VALID =
      Set.of(
          "cmd",
          "entrypoint",
          "env",
          "expose",
          "healthcheck",
          "label",
          "onbuild",
          "stopsignal",
          "user",
          "volume",
          "workdir");

  private DockerfileChanges() {}

  /** {@code base} with {@code changes} applied, in order. */
  static ContainerConfig apply(ContainerConfig base, List<String> changes)
      throws InvalidChangeException {
    List<String[]> instructions = new ArrayList<>();
    for (String line : lines(changes)) {
      String[] parts = line.split("\\s+", 2);
      if (!VALID.contains(parts[0].toLowerCase(Locale.ROOT))) {
        throw new InvalidChangeException(parts[0] + " is not a valid change command");
      }
      if (parts.length < 2 || parts[1].isBlank()) {
        throw new InvalidChangeException(
            parts[0].toUpperCase(Locale.ROOT) + " requires at least one argument");
      }
      instructions.add(parts);
    }
    ConfigDraft draft = new ConfigDraft(base);
    for (String[] instruction : instructions) {
      apply(draft, instruction[0].toLowerCase(Locale.ROOT), instruction[1].strip());
    }
    return draft.build();
  }

  /** The changes as Dockerfile lines: joined by newlines, continuations and comments handled. */
  private static List<String> lines(List<String> changes) {
    List<String> lines = new ArrayList<>();
    StringBuilder pending = new StringBuilder();
    for (String raw : String.join("\n", changes).split("\n")) {
      String line = raw.strip();
      if (pending.length() == 0 && (line.isEmpty() || line.startsWith("#"))) {
        continue;
      }
      if (line.endsWith("\\")) {
        pending.append(line, 0, line.length() - 1).append(' ');
        continue;
      }
      pending.append(line);
      lines.add(pending.toString().strip());
      pending.setLength(0);
    }
    if (pending.length() > 0) {
      lines.add(pending.toString().strip());
    }
    return lines;
  }

  private static void apply(ConfigDraft c, String instruction, String args)
      throws InvalidChangeException {
    switch (instruction) {
      case "cmd" -> c.cmd(command(args));
      case "entrypoint" -> c.entrypoint(command(args));
      case "env" -> c.env(pairs("ENV", args, c.envMap()));
      case "label" -> c.labels(pairs("LABEL", args, c.envMap()));
      case "expose" -> c.expose(ExposedPorts.parse(ShellWords.split(args, c.envMap())));
      case "volume" -> c.volumes(jsonOrWords(args, c.envMap()));
      case "workdir" -> c.workdir(ShellWords.word(args, c.envMap()));
      case "user" -> c.user(ShellWords.word(args, c.envMap()));
      case "stopsignal" -> c.stopSignal(ShellWords.word(args, c.envMap()));
      case "onbuild" -> c.onBuild(args);
      default ->
          throw new InvalidChangeException(
              instruction.toUpperCase(Locale.ROOT) + " is not supported by jdock import");
    }
  }

  /** The exec form (a JSON array of strings), else the shell form. */
  private static List<String> command(String args) {
    List<String> exec = jsonArray(args);
    return exec != null ? exec : List.of("/bin/sh", "-c", args);
  }

  private static List<String> jsonOrWords(String args, Map<String, String> env)
      throws InvalidChangeException {
    List<String> exec = jsonArray(args);
    return exec != null ? exec : ShellWords.split(args, env);
  }

  private static List<String> jsonArray(String args) {
    if (!args.startsWith("[")) {
      return null;
    }
    try {
      return OciJson.mapper().readValue(args, new TypeReference<List<String>>() {});
    } catch (IOException e) {
      return null;
    }
  }

  /** {@code k=v k2="v 2"}, or the legacy {@code k the value} (one pair, ENV and LABEL). */
  private static Map<String, String> pairs(String what, String args, Map<String, String> env)
      throws InvalidChangeException {
    Map<String, String> pairs = new LinkedHashMap<>();
    String first = args.split("\\s+", 2)[0];
    if (!first.contains("=")) {
      String[] legacy = args.split("\\s+", 2);
      if (legacy.length < 2) {
        throw new InvalidChangeException(what + " must have two arguments");
      }
      pairs.put(ShellWords.word(legacy[0], env), ShellWords.word(legacy[1], env));
      return pairs;
    }
    for (String word : ShellWords.split(args, env)) {
      int eq = word.indexOf('=');
      if (eq <= 0) {
        throw new InvalidChangeException(
            "Syntax error - can't find = in \"" + word + "\". Must be of the form: name=value");
      }
      pairs.put(word.substring(0, eq), word.substring(eq + 1));
    }
    return pairs;
  }
}
