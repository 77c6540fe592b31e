package io.jdock.store;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.MediaType;
import io.jdock.oci.OciJson;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the roots of the store keep alive: every blob reachable from index.json entries and from the
 * manifests that container and mount records use (through indexes, manifests, configs and layers,
 * whatever tool wrote them), and the diff_ids of every image manifest reached. Layer and config
 * blobs are leaves and never read; other blobs are read as JSON when small enough.
 */
final class Reachability {
  private static final long MAX_JSON_SIZE = 4L << 20;

  private final BlobStore blobStore;
  private final ManifestCache manifests;
  private final Set<Digest> blobs = new HashSet<>();
  private final Set<Digest> diffIds = new HashSet<>();

  Reachability(BlobStore blobStore, ManifestCache manifests) {
    this.blobStore = blobStore;
    this.manifests = manifests;
  }

  /** Walks from every entry and every manifest digest. */
  Reachability walk(List<Descriptor> entries, List<Digest> manifestDigests) {
    entries.forEach(this::visit);
    manifestDigests.forEach(d -> visit(Descriptor.of(null, d, 0)));
    return this;
  }

  Set<Digest> blobs() {
    return blobs;
  }

  Set<Digest> diffIds() {
    return diffIds;
  }

  private void visit(Descriptor descriptor) {
    if (descriptor.digest() == null || !blobs.add(descriptor.digest())) {
      return;
    }
    MediaType type = descriptor.mediaType();
    if (type != null && (type.isLayer() || type.isConfig())) {
      return;
    }
    manifests.get(descriptor.digest()).ifPresent(image -> diffIds.addAll(image.diffIds()));
    JsonNode tree = readJson(descriptor.digest());
    if (tree == null) {
      return;
    }
    visitNode(tree.get("config"));
    tree.path("layers").forEach(this::visitNode);
    tree.path("manifests").forEach(this::visitNode);
  }

  private void visitNode(JsonNode node) {
    if (node == null || !node.isObject()) {
      return;
    }
    try {
      visit(OciJson.mapper().treeToValue(node, Descriptor.class));
    } catch (IOException | IllegalArgumentException e) {
      // Not a descriptor jdock can read: nothing below it can be followed.
    }
  }

  private JsonNode readJson(Digest digest) {
    try {
      if (!blobStore.has(digest) || blobStore.size(digest) > MAX_JSON_SIZE) {
        return null;
      }
      JsonNode tree = OciJson.mapper().readTree(blobStore.read(digest));
      return tree != null && tree.isObject() ? tree : null;
    } catch (IOException e) {
      return null;
    }
  }
}
