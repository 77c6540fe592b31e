package io.jdock.store;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.jdock.oci.ContainerConfig;
import io.jdock.oci.Digest;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A container: an image, its own upper dir and how it was started; kept as {@code
 * containers/<id>/record.json}. Its manifest is a GC root, so its image's content stays while it
 * exists.
 *
 * @param id 64 lowercase hex characters
 * @param name docker's container name rule ({@code [a-zA-Z0-9][a-zA-Z0-9_.-]+})
 * @param imageRef the image as the user named it ({@code ubuntu}, an ID prefix...)
 * @param command the command that runs (entrypoint and arguments resolved)
 * @param config the effective execution config (env, working dir, user...)
 * @param hostConfig how it runs on this host (hostname, terminal, binds, removal on exit)
 */
public record ContainerRecord(
    String id,
    String name,
    Digest imageId,
    Digest manifestDigest,
    String imageRef,
    Instant created,
    List<String> command,
    ContainerConfig config,
    ContainerState state,
    Path upperDir,
    ContainerHostConfig hostConfig) {
  private static final Pattern ID = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

  public ContainerRecord {
    if (!isValidId(id)) {
      throw new IllegalArgumentException("invalid container ID: " + id);
    }
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "Invalid container name (" + name + "), only [a-zA-Z0-9][a-zA-Z0-9_.-] are allowed");
    }
    Objects.requireNonNull(imageId, "imageId");
    Objects.requireNonNull(manifestDigest, "manifestDigest");
    Objects.requireNonNull(created, "created");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(upperDir, "upperDir");
    imageRef = imageRef == null ? "" : imageRef;
    command = command == null ? List.of() : List.copyOf(command);
    config = config == null ? ContainerConfig.EMPTY : config;
    hostConfig = hostConfig == null ? ContainerHostConfig.DEFAULT : hostConfig;
  }

  /** A record with the default host config. */
  public ContainerRecord(
      String id,
      String name,
      Digest imageId,
      Digest manifestDigest,
      String imageRef,
      Instant created,
      List<String> command,
      ContainerConfig config,
      ContainerState state,
      Path upperDir) {
    this(
        id,
        name,
        imageId,
        manifestDigest,
        imageRef,
        created,
        command,
        config,
        state,
        upperDir,
        ContainerHostConfig.DEFAULT);
  }

  /** True if {@code s} is a well-formed container ID (64 lowercase hex). */
  public static boolean isValidId(String s) {
    return s != null && ID.matcher(s).matches();
  }

  /** True if the record says running and its process is alive. */
  @JsonIgnore
  public boolean isRunning() {
    return state instanceof ContainerState.Running running && Processes.isAlive(running.pid());
  }

  /** The first 12 characters of the ID, as docker shows it. */
  @JsonIgnore
  public String shortId() {
    return id.substring(0, 12);
  }

  public ContainerRecord withState(ContainerState newState) {
    return new ContainerRecord(
        id,
        name,
        imageId,
        manifestDigest,
        imageRef,
        created,
        command,
        config,
        newState,
        upperDir,
        hostConfig);
  }

  public ContainerRecord withName(String newName) {
    return new ContainerRecord(
        id,
        newName,
        imageId,
        manifestDigest,
        imageRef,
        created,
        command,
        config,
        state,
        upperDir,
        hostConfig);
  }
}
