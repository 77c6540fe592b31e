package io.jdock.registry;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.Parsed;
import io.jdock.reference.ImageReference;
import java.util.List;
import java.util.Optional;

/**
 * What a reference resolved to at a registry: the digest to record for it ({@code registryDigest}:
 * the index's when an index was fetched, else the manifest's, as docker's {@code Digest:} line and
 * RepoDigests show), the indexes walked through (outermost first, raw bytes), and the chosen
 * platform manifest, raw and parsed.
 */
public record ResolvedImage(
    ImageReference reference,
    Endpoint endpoint,
    Digest registryDigest,
    List<FetchedManifest> indexes,
    FetchedManifest manifest,
    Parsed<ImageManifest> parsed) {

  public ResolvedImage {
    indexes = List.copyOf(indexes);
  }

  /** The outermost index, if the reference named one. */
  public Optional<FetchedManifest> index() {
    return indexes.isEmpty() ? Optional.empty() : Optional.of(indexes.get(0));
  }

  public Digest manifestDigest() {
    return manifest.digest();
  }

  public Descriptor config() {
    return parsed.value().config();
  }

  /** The layers, base first. */
  public List<Descriptor> layers() {
    return parsed.value().layers();
  }
}
