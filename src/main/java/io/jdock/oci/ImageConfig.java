package io.jdock.oci;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * An image configuration (https://github.com/opencontainers/image-spec/blob/main/config.md), the
 * fields jdock uses; Docker's extra fields stay in the raw bytes kept by {@link Parsed}. The image
 * ID is the digest of those raw bytes.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImageConfig(
    @JsonProperty("created") String created,
    @JsonProperty("author") String author,
    @JsonProperty("architecture") String architecture,
    @JsonProperty("os") String os,
    @JsonProperty("os.version") String osVersion,
    @JsonProperty("variant") String variant,
    @JsonProperty("config") ContainerConfig config,
    @JsonProperty("rootfs") RootFs rootfs,
    @JsonProperty("history") List<History> history) {

  public ImageConfig {
    history = history == null ? List.of() : List.copyOf(history);
    config = config == null ? ContainerConfig.EMPTY : config;
    rootfs = rootfs == null ? new RootFs("layers", List.of()) : rootfs;
  }

  /** Parses a config and checks its rootfs. */
  public static Parsed<ImageConfig> parse(byte[] raw) throws InvalidContentException {
    ImageConfig c = OciJson.read(raw, ImageConfig.class, "image config");
    if (!"layers".equals(c.rootfs.type())) {
      throw new InvalidContentException("invalid image config: rootfs type " + c.rootfs.type());
    }
    return new Parsed<>(c, raw);
  }

  /** The creation time, if the config has a valid one. */
  @JsonIgnore
  public Optional<Instant> createdInstant() {
    if (created == null || created.isEmpty()) {
      return Optional.empty();
    }
    try {
      Instant t = Instant.parse(created);
      return t.equals(Instant.parse("0001-01-01T00:00:00Z")) ? Optional.empty() : Optional.of(t);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The layer diff_ids, base first. */
  @JsonIgnore
  public List<Digest> diffIds() {
    return rootfs.diffIds();
  }

  /** The platform this config says the image is for. */
  @JsonIgnore
  public Platform platform() {
    return new Platform(architecture, os, osVersion, null, variant);
  }

  /** {@code rootfs}: the ordered diff_ids of the layers. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RootFs(
      @JsonProperty("type") String type, @JsonProperty("diff_ids") List<Digest> diffIds) {
    public RootFs {
      diffIds = diffIds == null ? List.of() : List.copyOf(diffIds);
    }
  }

  /** One {@code history} entry; {@code empty_layer} entries have no diff_id. */
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public record History(
      @JsonProperty("created") String created,
      @JsonProperty("created_by") String createdBy,
      @JsonProperty("author") String author,
      @JsonProperty("comment") String comment,
      @JsonProperty("empty_layer") Boolean emptyLayer) {}
}
