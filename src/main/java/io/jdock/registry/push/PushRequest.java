package io.jdock.registry.push;

import io.jdock.oci.Digest;
import io.jdock.oci.MediaType;
import io.jdock.reference.ImageReference;

/**
 * {@code jdock push NAME[:TAG]}: the reference to push to and the image's top manifest (a
 * single-platform manifest, or an index whose manifests are read from the {@link BlobSource}).
 */
public record PushRequest(ImageReference reference, MediaType mediaType, Digest manifest) {}
