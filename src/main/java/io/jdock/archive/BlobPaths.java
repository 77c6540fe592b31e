package io.jdock.archive;

import io.jdock.oci.Digest;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names of blobs in an OCI layout ({@code blobs/<algorithm>/<encoded>},
 * https://github.com/opencontainers/image-spec/blob/main/image-layout.md#blobs).
 */
final class BlobPaths {
  private static final Pattern SHA256_BLOB = Pattern.compile("blobs/sha256/([a-f0-9]{64})");

  private BlobPaths() {}

  /** The path of a blob in a layout. */
  static String of(Digest digest) {
    return "blobs/" + digest.algorithm() + "/" + digest.hex();
  }

  /** The digest a normalised path names, if it is a sha256 blob path. */
  static Optional<Digest> digestOf(String path) {
    Matcher m = SHA256_BLOB.matcher(path);
    return m.matches() ? Optional.of(Digest.sha256Hex(m.group(1))) : Optional.empty();
  }
}
