/**
 * {@code jdock push}: uploads an image's blobs from a {@link io.jdock.registry.push.BlobSource}
 * (HEAD first, cross-repository mount when the blob is known in another repository of the same
 * registry, else a monolithic or chunked upload), then puts the manifest, reporting docker's
 * progress (moby distribution/push_v2.go; reference section 2).
 *
 * <p>Imports {@code registry}, {@code registry.progress}, {@code oci} and {@code reference}; the
 * store implements the source interface.
 */
package io.jdock.registry.push;
