package io.jdock.container;

import io.jdock.oci.Descriptor;
import io.jdock.oci.ImageConfig;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.Parsed;
import io.jdock.store.ContainerRecord;
import io.jdock.store.Image;
import io.jdock.store.ImageStore;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A container's image: the store's image with the container's image ID, or, once that image was
 * removed with {@code rmi -f}, the image rebuilt from the blobs the container keeps alive (its
 * manifest is a GC root).
 */
final class ContainerImages {
  private ContainerImages() {}

  static Image of(ImageStore store, ContainerRecord r) throws IOException {
    Optional<Image> listed = store.image(r.imageId());
    if (listed.isPresent()) {
      return listed.get();
    }
    byte[] raw = store.blobs().read(r.manifestDigest());
    Parsed<ImageManifest> manifest = ImageManifest.parse(raw);
    Parsed<ImageConfig> config =
        ImageConfig.parse(store.blobs().read(manifest.value().config().digest()));
    Descriptor descriptor =
        Descriptor.of(
            manifest.value().mediaType() == null
                ? io.jdock.oci.MediaType.OCI_MANIFEST
                : manifest.value().mediaType(),
            r.manifestDigest(),
            raw.length);
    return new Image(
        r.imageId(),
        descriptor,
        manifest,
        config,
        List.of(),
        List.of(),
        Optional.empty(),
        config.value().createdInstant(),
        0,
        Optional.empty());
  }
}
