/**
 * The OCI image and Docker image-manifest data model: {@link io.jdock.oci.Digest}, {@link
 * io.jdock.oci.MediaType}, {@link io.jdock.oci.Descriptor}, {@link io.jdock.oci.Platform},
 * manifests, indexes and image configs, each parsed from raw bytes that are kept beside the record
 * (the digest is always of the bytes received or stored, never of re-serialised JSON).
 *
 * <p>See https://github.com/opencontainers/image-spec. Imports nothing else of jdock.
 */
package io.jdock.oci;
