package io.jdock.archive;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.MediaType;
import io.jdock.oci.OciJson;
import io.jdock.store.ImageStore;
import io.jdock.store.LayerUnpacker;
import io.jdock.store.StoredBlob;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts a checked image's content into the store without registering it: config, layer blobs (as the
 * archive has them), its manifest (the archive's own, or a new OCI manifest describing the stored
 * blobs), then extracts every layer, which checks what {@link CheckedImage} could not. The caller
 * holds the store's content lease until the image is registered.
 */
final class ImageStaging {
  private final ImageStore store;
  private final LayerUnpacker unpacker;

  ImageStaging(ImageStore store, LayerUnpacker unpacker) {
    this.store = store;
    this.unpacker = unpacker;
  }

  /** Stores the image's blobs and extracts its layers; returns its manifest's descriptor. */
  Descriptor stage(CheckedImage image) throws IOException {
    StoredBlob config = store.blobs().putBytes(image.image().config());
    List<Descriptor> layers = new ArrayList<>();
    for (int i = 0; i < image.image().layers().size(); i++) {
      StoredBlob blob = image.image().layers().get(i).store(store.blobs());
      layers.add(Descriptor.of(image.layerMediaType(i), blob.digest(), blob.size()));
    }
    Descriptor manifest = storeManifest(image, config, layers);
    List<Digest> diffIds = image.config().value().diffIds();
    for (int i = 0; i < layers.size(); i++) {
      store.layers().ensure(diffIds.get(i), layers.get(i).digest(), DiffIds.checking(unpacker, i));
    }
    return manifest;
  }

  private Descriptor storeManifest(CheckedImage image, StoredBlob config, List<Descriptor> layers)
      throws IOException {
    if (image.image().manifest().isPresent()) {
      ArchivedImage.Original own = image.image().manifest().get();
      StoredBlob stored = store.blobs().putBytes(own.parsed().raw());
      return Descriptor.of(own.mediaType(), stored.digest(), stored.size());
    }
    ImageManifest built =
        ImageManifest.oci(
            Descriptor.of(MediaType.OCI_CONFIG, config.digest(), config.size()), layers);
    StoredBlob stored = store.blobs().putBytes(OciJson.write(built));
    return Descriptor.of(MediaType.OCI_MANIFEST, stored.digest(), stored.size());
  }
}
