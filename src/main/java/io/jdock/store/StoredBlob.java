package io.jdock.store;

import io.jdock.oci.Digest;

/** A blob that is in the store: its digest and size. */
public record StoredBlob(Digest digest, long size) {}
