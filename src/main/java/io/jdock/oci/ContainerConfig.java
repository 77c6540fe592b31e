package io.jdock.oci;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * The execution parameters of an image config ({@code config}): user, environment, entrypoint,
 * command, working directory, labels
 * (https://github.com/opencontainers/image-spec/blob/main/config.md#properties).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ContainerConfig(
    @JsonProperty("User") String user,
    @JsonProperty("ExposedPorts") Map<String, Object> exposedPorts,
    @JsonProperty("Env") List<String> env,
    @JsonProperty("Entrypoint") List<String> entrypoint,
    @JsonProperty("Cmd") List<String> cmd,
    @JsonProperty("Volumes") Map<String, Object> volumes,
    @JsonProperty("WorkingDir") String workingDir,
    @JsonProperty("Labels") Map<String, String> labels,
    @JsonProperty("StopSignal") String stopSignal,
    @JsonProperty("ArgsEscaped") Boolean argsEscaped,
    @JsonProperty("OnBuild") List<String> onBuild,
    @JsonProperty("Shell") List<String> shell) {

  public static final ContainerConfig EMPTY =
      new ContainerConfig(null, null, null, null, null, null, null, null, null, null, null, null);

  public ContainerConfig {
    user = user == null ? "" : user;
    workingDir = workingDir == null ? "" : workingDir;
    env = env == null ? List.of() : List.copyOf(env);
    labels = labels == null ? Map.of() : Map.copyOf(labels);
  }

  public ContainerConfig withCmd(List<String> newCmd) {
    return new ContainerConfig(
        user,
        exposedPorts,
        env,
        entrypoint,
        newCmd,
        volumes,
        workingDir,
        labels,
        stopSignal,
        argsEscaped,
        onBuild,
        shell);
  }

  public ContainerConfig withEntrypoint(List<String> newEntrypoint) {
    return new ContainerConfig(
        user,
        exposedPorts,
        env,
        newEntrypoint,
        cmd,
        volumes,
        workingDir,
        labels,
        stopSignal,
        argsEscaped,
        onBuild,
        shell);
  }

  public ContainerConfig withEnv(List<String> newEnv) {
    return new ContainerConfig(
        user,
        exposedPorts,
        newEnv,
        entrypoint,
        cmd,
        volumes,
        workingDir,
        labels,
        stopSignal,
        argsEscaped,
        onBuild,
        shell);
  }

  public ContainerConfig withWorkingDir(String dir) {
    return new ContainerConfig(
        user,
        exposedPorts,
        env,
        entrypoint,
        cmd,
        volumes,
        dir,
        labels,
        stopSignal,
        argsEscaped,
        onBuild,
        shell);
  }

  public ContainerConfig withUser(String newUser) {
    return new ContainerConfig(
        newUser,
        exposedPorts,
        env,
        entrypoint,
        cmd,
        volumes,
        workingDir,
        labels,
        stopSignal,
        argsEscaped,
        onBuild,
        shell);
  }
}
