package io.jdock.registry.pull;

import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;
import io.jdock.registry.ResolvedImage;
import java.io.IOException;

/**
 * A {@link BlobSink} that also records pulled images under their names; the image store implements
 * it.
 */
public interface ImageSink extends BlobSink {
  /**
   * True if an image with this config (image ID) is recorded with all its blobs: the puller then
   * downloads nothing for it, as docker skips the layers of an image it has ("Image is up to
   * date").
   */
  default boolean hasImage(Digest config) throws IOException {
    return false;
  }

  /**
   * Records that {@code ref} (tagged, or by digest) now names {@code image}, whose blobs (indexes,
   * manifest, config, layers) are all stored. Returns true if that changed what {@code ref} named
   * (docker's "Downloaded newer image" versus "Image is up to date").
   */
  boolean record(ImageReference ref, ResolvedImage image) throws IOException;
}
