package io.jdock.store;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageConfig;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.Parsed;
import io.jdock.reference.ImageReference;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One image of the store, as docker lists it: its ID is the digest of its config (docker's IMAGE
 * ID); its references are those of every index.json entry whose manifest has that config.
 *
 * @param manifestDescriptor the index entry's manifest (the first entry of the image)
 * @param repoTags tagged references ({@code docker.io/library/ubuntu:latest})
 * @param repoDigests digest references ({@code docker.io/library/ubuntu@sha256:...})
 * @param parent the image this one was committed from
 * @param created the config's creation time, if valid
 * @param size the layers' content size (extracted size where extracted, else the blob size)
 * @param lastTagTime when jdock last tagged it
 */
public record Image(
    Digest id,
    Descriptor manifestDescriptor,
    Parsed<ImageManifest> manifest,
    Parsed<ImageConfig> config,
    List<ImageReference> repoTags,
    List<ImageReference> repoDigests,
    Optional<Digest> parent,
    Optional<Instant> created,
    long size,
    Optional<Instant> lastTagTime) {

  public Image {
    repoTags = List.copyOf(repoTags);
    repoDigests = List.copyOf(repoDigests);
  }

  /** The layers' diff_ids, base first. */
  public List<Digest> diffIds() {
    return config.value().diffIds();
  }

  /** Tags then digest references. */
  public List<ImageReference> references() {
    return java.util.stream.Stream.concat(repoTags.stream(), repoDigests.stream()).toList();
  }

  /** No references at all (docker's {@code <none>:<none>}). */
  public boolean isDangling() {
    return repoTags.isEmpty() && repoDigests.isEmpty();
  }
}
