package io.jdock.archive;

import io.jdock.oci.Digest;

/** The image {@code import} made: docker prints its ID ({@code sha256:<hex>}). */
public record ImportedImage(Digest id) {}
