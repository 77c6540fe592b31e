package io.jdock.oci;

/**
 * A parsed record together with the exact bytes it was parsed from; the digest is of those bytes.
 */
public record Parsed<T>(T value, byte[] raw) {

  /** The sha256 of the raw bytes. */
  public Digest digest() {
    return Digest.sha256(raw);
  }

  /** The number of raw bytes. */
  public long size() {
    return raw.length;
  }
}
