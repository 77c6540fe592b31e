package io.jdock.archive;

import io.jdock.oci.Descriptor;
import io.jdock.oci.ImageIndex;
import io.jdock.oci.Platform;
import java.util.Optional;

/**
 * Picks the manifest of a platform from an image index, as containerd matches platforms (reference
 * doc section 2): os, architecture and variant compared after normalisation; entries without a
 * platform and BuildKit attestations ({@code unknown/unknown}) are never picked.
 */
final class IndexPlatforms {
  private static final String REFERENCE_TYPE = "vnd.docker.reference.type";

  private IndexPlatforms() {}

  static Optional<Descriptor> select(ImageIndex index, Platform wanted) {
    return index.manifests().stream()
        .filter(d -> d.platform() != null && !d.platform().isUnknown())
        .filter(d -> d.annotation(REFERENCE_TYPE).isEmpty())
        .filter(d -> d.mediaType() == null || d.mediaType().isManifest())
        .filter(d -> d.platform().matches(wanted))
        .findFirst();
  }
}
