package io.jdock.store;

import io.jdock.oci.Digest;
import java.io.IOException;

/** A blob the store was asked for is not in {@code blobs/}. */
public class BlobNotFoundException extends IOException {
  private final Digest digest;

  public BlobNotFoundException(Digest digest, String context) {
    super(context + ": blob " + digest + " not found in the store");
    this.digest = digest;
  }

  /** The missing blob. */
  public Digest digest() {
    return digest;
  }
}
