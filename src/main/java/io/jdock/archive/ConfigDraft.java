package io.jdock.archive;

import io.jdock.oci.ContainerConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container config being changed instruction by instruction ({@link DockerfileChanges}), with the
 * builder's rule that ENTRYPOINT clears a CMD not set by the same changes.
 */
final class ConfigDraft {
  private String user;
  private final Map<String, Object> exposedPorts;
  private final Map<String, String> env = new LinkedHashMap<>();
  private List<String> entrypoint;
  private List<String> cmd;
  private final Map<String, Object> volumes;
  private String workingDir;
  private final Map<String, String> labels;
  private String stopSignal;
  private final List<String> onBuild;
  private final ContainerConfig base;
  private boolean cmdSet;

  ConfigDraft(ContainerConfig base) {
    this.base = base;
    this.user = base.user();
    this.exposedPorts = copy(base.exposedPorts());
    for (String e : base.env()) {
      int eq = e.indexOf('=');
      env.put(eq < 0 ? e : e.substring(0, eq), eq < 0 ? "" : e.substring(eq + 1));
    }
    this.entrypoint = base.entrypoint();
    this.cmd = base.cmd();
    this.volumes = copy(base.volumes());
    this.workingDir = base.workingDir();
    this.labels = new LinkedHashMap<>(base.labels());
    this.stopSignal = base.stopSignal();
    this.onBuild = base.onBuild() == null ? new ArrayList<>() : new ArrayList<>(base.onBuild());
  }

  private static Map<String, Object> copy(Map<String, Object> map) {
    return map == null ? new LinkedHashMap<>() : new LinkedHashMap<>(map);
  }

  /** The environment so far, for variable replacement. */
  Map<String, String> envMap() {
    return env;
  }

  void cmd(List<String> command) {
    cmd = command;
    cmdSet = true;
  }

  void entrypoint(List<String> command) {
    entrypoint = command;
    if (!cmdSet) {
      cmd = null;
    }
  }

  void env(Map<String, String> pairs) {
    env.putAll(pairs);
  }

  void labels(Map<String, String> pairs) {
    labels.putAll(pairs);
  }

  void expose(List<String> ports) {
    ports.forEach(p -> exposedPorts.put(p, Map.of()));
  }

  void volumes(List<String> paths) {
    paths.forEach(p -> volumes.put(p, Map.of()));
  }

  /** A relative WORKDIR is taken from the previous one (or "/"). */
  void workdir(String dir) {
    String joined =
        dir.startsWith("/") ? dir : (workingDir.isEmpty() ? "/" : workingDir) + "/" + dir;
    workingDir = java.nio.file.Path.of(joined).normalize().toString();
  }

  void user(String name) {
    user = name;
  }

  void stopSignal(String signal) {
    stopSignal = signal;
  }

  void onBuild(String trigger) {
    onBuild.add(trigger);
  }

  ContainerConfig build() {
    List<String> envList = new ArrayList<>();
    env.forEach((k, v) -> envList.add(k + "=" + v));
    return new ContainerConfig(
        user,
        exposedPorts.isEmpty() ? null : exposedPorts,
        envList,
        entrypoint,
        cmd,
        volumes.isEmpty() ? null : volumes,
        workingDir,
        labels,
        stopSignal,
        base.argsEscaped(),
        onBuild.isEmpty() ? null : onBuild,
        base.shell());
  }
}
