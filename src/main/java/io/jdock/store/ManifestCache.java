package io.jdock.store;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageConfig;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.Parsed;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Image manifests and their configs read from the blobs, each once per cache (one cache lives for
 * one operation). An entry whose manifest or config is missing, corrupt or not an image manifest
 * (an index, an artifact) has no image: it stays in index.json but is not listed.
 */
final class ManifestCache {
  /** A manifest and its config; the image ID is the config's digest. */
  record Content(Parsed<ImageManifest> manifest, Parsed<ImageConfig> config) {
    Digest imageId() {
      return manifest.value().config().digest();
    }

    List<Digest> diffIds() {
      return config.value().diffIds();
    }

    List<Descriptor> layers() {
      return manifest.value().layers();
    }
  }

  private final BlobStore blobs;
  private final Map<Digest, Optional<Content>> cache = new HashMap<>();

  ManifestCache(BlobStore blobs) {
    this.blobs = blobs;
  }

  /** The image an index entry (or a record's manifest digest) points at, if it is one. */
  Optional<Content> get(Descriptor entry) {
    if (entry.mediaType() != null && !entry.mediaType().isManifest()) {
      return Optional.empty();
    }
    return get(entry.digest());
  }

  Optional<Content> get(Digest manifestDigest) {
    return cache.computeIfAbsent(manifestDigest, this::load);
  }

  private Optional<Content> load(Digest manifestDigest) {
    try {
      Parsed<ImageManifest> manifest = ImageManifest.parse(blobs.read(manifestDigest));
      Parsed<ImageConfig> config =
          ImageConfig.parse(blobs.read(manifest.value().config().digest()));
      return Optional.of(new Content(manifest, config));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
