package io.jdock.registry;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageIndex;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.InvalidContentException;
import io.jdock.oci.Parsed;
import io.jdock.oci.Platform;
import io.jdock.reference.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a reference to one platform's manifest at an endpoint: fetches the manifest, walks
 * indexes (nested ones too) by {@link PlatformSelector}, and checks that the result is an image (an
 * OCI or Docker config), not some other artifact.
 */
public final class ImageResolver {
  private static final int MAX_DEPTH = 4;

  private ImageResolver() {}

  /**
   * {@code platform} empty means the host's; {@code ref} must have a tag or a digest (a digest
   * wins, as docker's ParseDockerRef).
   */
  public static ResolvedImage resolve(
      RegistryClient client, ImageReference ref, Optional<Platform> platform)
      throws RegistryException {
    return resolve(client, ref, platform, () -> {});
  }

  /**
   * As {@link #resolve(RegistryClient, ImageReference, Optional)}, calling {@code fetched} once the
   * reference's own manifest or index is fetched, before a platform is chosen: where docker prints
   * {@code Pulling from}, so that failures after it (no matching platform) come after that line.
   */
  public static ResolvedImage resolve(
      RegistryClient client, ImageReference ref, Optional<Platform> platform, Runnable fetched)
      throws RegistryException {
    String tagOrDigest =
        ref.digest()
            .map(Object::toString)
            .orElseGet(() -> ref.tag().orElse(ImageReference.DEFAULT_TAG));
    FetchedManifest first = client.manifest(tagOrDigest, ref.toString());
    fetched.run();
    return walk(client, ref, platform, first);
  }

  private static ResolvedImage walk(
      RegistryClient client,
      ImageReference ref,
      Optional<Platform> platform,
      FetchedManifest fetched)
      throws RegistryException {
    Platform wanted = platform.orElseGet(Platform::host);
    List<FetchedManifest> indexes = new ArrayList<>();
    while (fetched.isIndex()) {
      if (indexes.size() == MAX_DEPTH) {
        throw RegistryException.content(
            RegistryException.Kind.INVALID_CONTENT, "image index nested deeper than " + MAX_DEPTH);
      }
      indexes.add(fetched);
      Descriptor chosen =
          PlatformSelector.select(parseIndex(fetched), wanted)
              .orElseThrow(
                  () ->
                      RegistryException.content(
                          RegistryException.Kind.UNSUPPORTED,
                          "no matching manifest for "
                              + PlatformSelector.describe(wanted, platform.isEmpty())
                              + " in the manifest list entries"));
      fetched = client.manifest(chosen.digest().toString(), ref.toString());
    }
    Parsed<ImageManifest> manifest;
    try {
      manifest = ImageManifest.parse(fetched.raw());
    } catch (InvalidContentException e) {
      throw RegistryException.content(RegistryException.Kind.INVALID_CONTENT, e.getMessage());
    }
    if (manifest.value().config().mediaType() == null
        || !manifest.value().config().mediaType().isConfig()) {
      throw RegistryException.content(
          RegistryException.Kind.UNSUPPORTED,
          "unsupported media type " + manifest.value().config().mediaType());
    }
    Digest registryDigest = indexes.isEmpty() ? fetched.digest() : indexes.get(0).digest();
    return new ResolvedImage(ref, client.endpoint(), registryDigest, indexes, fetched, manifest);
  }

  private static ImageIndex parseIndex(FetchedManifest m) throws RegistryException {
    try {
      return ImageIndex.parse(m.raw()).value();
    } catch (InvalidContentException e) {
      throw RegistryException.content(RegistryException.Kind.INVALID_CONTENT, e.getMessage());
    }
  }
}
