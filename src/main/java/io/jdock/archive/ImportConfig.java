package io.jdock.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jdock.oci.ContainerConfig;
import io.jdock.oci.Digest;
import io.jdock.oci.OciJson;
import io.jdock.oci.Platform;
import java.time.Instant;

/**
 * The config of an imported image, as docker's ImportImage writes it: the platform, the changed
 * container config, the creation time, one history entry carrying the message, and the one layer's
 * diff_id (https://github.com/opencontainers/image-spec/blob/main/config.md). Map keys are sorted,
 * as Go writes them.
 */
final class ImportConfig {
  private static final ObjectMapper JSON =
      OciJson.mapper().copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

  private ImportConfig() {}

  static byte[] of(
      Platform platform, ContainerConfig config, Instant created, String message, Digest diffId) {
    ObjectNode root = JSON.createObjectNode();
    if (!message.isEmpty()) {
      root.put("comment", message);
    }
    root.put("created", created.toString());
    root.set("config", JSON.valueToTree(config));
    root.put("architecture", platform.architecture());
    if (!platform.variant().isEmpty()) {
      root.put("variant", platform.variant());
    }
    root.put("os", platform.os());
    ObjectNode rootfs = root.putObject("rootfs");
    rootfs.put("type", "layers");
    rootfs.putArray("diff_ids").add(diffId.toString());
    ObjectNode history = root.putArray("history").addObject();
    history.put("created", created.toString());
    if (!message.isEmpty()) {
      history.put("comment", message);
    }
    try {
      return JSON.writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise an image config", e);
    }
  }
}
