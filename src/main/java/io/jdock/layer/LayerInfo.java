package io.jdock.layer;

import io.jdock.oci.Digest;

/**
 * What extracting a layer found: its diff_id (sha256 of the uncompressed tar), the tar's size, the
 * size of its content as docker counts it (regular files, hard links once, plus symlink targets),
 * and the number of entries.
 */
public record LayerInfo(Digest diffId, long tarSize, long contentSize, int entryCount) {}
