package io.jdock.registry;

import io.jdock.oci.Digest;
import io.jdock.oci.MediaType;

/**
 * A manifest or index as the registry sent it: its media type (from Content-Type and the {@code
 * mediaType} field, which agree), the digest of the raw bytes (checked against {@code
 * Docker-Content-Digest} and a requested digest), and the raw bytes themselves.
 */
public record FetchedManifest(MediaType mediaType, Digest digest, byte[] raw) {
  public boolean isIndex() {
    return mediaType.isIndex();
  }
}
