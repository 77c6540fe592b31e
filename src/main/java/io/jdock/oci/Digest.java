package io.jdock.oci;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A content digest {@code algorithm:hex}, as in the OCI image spec's descriptor section
 * (https://github.com/opencontainers/image-spec/blob/main/descriptor.md#digests). Only sha256 is
 * accepted for content jdock stores; the grammar is checked for every algorithm.
 */
public final class Digest implements Comparable<Digest> {
  private static final Pattern SHA256_HEX = Pattern.compile("[a-f0-9]{64}");
  private static final Pattern GENERIC =
      Pattern.compile("[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+");

  private final String algorithm;
  private final String hex;

  private Digest(String algorithm, String hex) {
    this.algorithm = algorithm;
    this.hex = hex;
  }

  /**
   * Parses {@code sha256:<64 lowercase hex>}; throws {@link IllegalArgumentException} otherwise.
   */
  @JsonCreator
  public static Digest parse(String value) {
    if (value == null || !GENERIC.matcher(value).matches()) {
      throw new IllegalArgumentException("invalid digest: " + value);
    }
    int colon = value.indexOf(':');
    String algorithm = value.substring(0, colon);
    String hex = value.substring(colon + 1);
    if (!algorithm.equals("sha256")) {
      throw new IllegalArgumentException("unsupported digest algorithm: " + value);
    }
    if (!SHA256_HEX.matcher(hex).matches()) {
      throw new IllegalArgumentException("invalid checksum digest format: " + value);
    }
    return new Digest(algorithm, hex);
  }

  /** True if {@code value} is a well-formed sha256 digest. */
  public static boolean isValid(String value) {
    try {
      parse(value);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** The sha256 digest of {@code hex}, given as 64 lowercase hex characters. */
  public static Digest sha256Hex(String hex) {
    return parse("sha256:" + hex);
  }

  /** The sha256 digest of the given bytes. */
  public static Digest sha256(byte[] bytes) {
    return fromMessageDigest(newSha256().digest(bytes));
  }

  /** Wraps the result of a finished sha256 {@link MessageDigest}. */
  public static Digest fromMessageDigest(byte[] sha256) {
    return new Digest("sha256", HexFormat.of().formatHex(sha256));
  }

  /** A fresh sha256 {@link MessageDigest}. */
  public static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }

  public String algorithm() {
    return algorithm;
  }

  /** The hex part, without the algorithm. */
  public String hex() {
    return hex;
  }

  /** The first 12 hex characters, as docker shows IDs. */
  public String shortHex() {
    return hex.substring(0, 12);
  }

  @JsonValue
  @Override
  public String toString() {
    return algorithm + ":" + hex;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Digest d && d.algorithm.equals(algorithm) && d.hex.equals(hex);
  }

  @Override
  public int hashCode() {
    return hex.hashCode();
  }

  @Override
  public int compareTo(Digest o) {
    return toString().compareTo(o.toString());
  }
}
