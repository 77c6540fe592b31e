package io.jdock.reference;

import io.jdock.oci.Digest;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * A normalised image reference {@code domain/path[:tag][@digest]}, as docker's {@code
 * ParseNormalizedNamed} makes it
 * (https://github.com/distribution/reference/blob/main/normalize.go).
 */
public final class ImageReference {
  /** The default registry, as references name it. */
  public static final String DEFAULT_DOMAIN = "docker.io";

  /** The default tag. */
  public static final String DEFAULT_TAG = "latest";

  private static final String LEGACY_DEFAULT_DOMAIN = "index.docker.io";
  private static final String OFFICIAL_REPO_PREFIX = "library/";
  private static final int NAME_TOTAL_LENGTH_MAX = 255;

  private final String domain;
  private final String path;
  private final String tag;
  private final Digest digest;

  private ImageReference(String domain, String path, String tag, Digest digest) {
    this.domain = domain;
    this.path = path;
    this.tag = tag;
    this.digest = digest;
  }

  /**
   * Parses and normalises a reference as docker does for user input: {@code ubuntu} becomes {@code
   * docker.io/library/ubuntu} (no tag added; see {@link #withDefaultTag()}).
   */
  public static ImageReference parse(String s) throws InvalidReferenceException {
    if (ReferenceGrammar.ANCHORED_IDENTIFIER.matcher(s).matches()) {
      throw new InvalidReferenceException(
          "invalid repository name (" + s + "), cannot specify 64-byte hexadecimal strings");
    }
    String[] split = splitDockerDomain(s);
    String domain = split[0];
    String remainder = split[1];
    int tagSep = remainder.indexOf(':');
    String remoteName = tagSep > -1 ? remainder.substring(0, tagSep) : remainder;
    if (!remoteName.toLowerCase(Locale.ROOT).equals(remoteName)) {
      throw new InvalidReferenceException(
          "invalid reference format: repository name (" + remoteName + ") must be lowercase");
    }
    return parseCanonical(domain + "/" + remainder);
  }

  /**
   * Parses a reference that must already be fully qualified ({@code domain/path...}), as stored in
   * jdock's index.json; no defaults are applied.
   */
  public static ImageReference parseCanonical(String s) throws InvalidReferenceException {
    Matcher m = ReferenceGrammar.REFERENCE.matcher(s);
    if (!m.matches()) {
      if (s.isEmpty()) {
        throw new InvalidReferenceException("invalid reference format");
      }
      if (ReferenceGrammar.REFERENCE.matcher(s.toLowerCase(Locale.ROOT)).matches()) {
        throw new InvalidReferenceException(
            "invalid reference format: repository name must be lowercase");
      }
      throw new InvalidReferenceException("invalid reference format");
    }
    String name = m.group(1);
    int slash = name.indexOf('/');
    String domain;
    String path;
    if (slash > 0
        && ReferenceGrammar.ANCHORED_DOMAIN.matcher(name.substring(0, slash)).matches()
        && isDomain(name.substring(0, slash))) {
      domain = name.substring(0, slash);
      path = name.substring(slash + 1);
    } else {
      throw new InvalidReferenceException(
          "invalid reference format: repository name must be canonical");
    }
    if (path.length() > NAME_TOTAL_LENGTH_MAX) {
      throw new InvalidReferenceException(
          "invalid reference format: repository name must not be more than 255 characters");
    }
    Digest digest = null;
    if (m.group(3) != null) {
      try {
        digest = Digest.parse(m.group(3));
      } catch (IllegalArgumentException e) {
        throw new InvalidReferenceException(e.getMessage());
      }
    }
    return new ImageReference(domain, path, m.group(2), digest);
  }

  /** True if {@code s} is a valid tag. */
  public static boolean isValidTag(String s) {
    return ReferenceGrammar.ANCHORED_TAG.matcher(s).matches();
  }

  private static boolean isDomain(String first) {
    return first.contains(".")
        || first.contains(":")
        || first.equals("localhost")
        || !first.toLowerCase(Locale.ROOT).equals(first);
  }

  /** splitDockerDomain: returns {domain, remainder}. */
  private static String[] splitDockerDomain(String name) {
    int i = name.indexOf('/');
    String domain;
    String remainder;
    if (i == -1 || !isDomain(name.substring(0, i))) {
      domain = DEFAULT_DOMAIN;
      remainder = name;
    } else {
      domain = name.substring(0, i);
      remainder = name.substring(i + 1);
    }
    if (domain.equals(LEGACY_DEFAULT_DOMAIN)) {
      domain = DEFAULT_DOMAIN;
    }
    if (domain.equals(DEFAULT_DOMAIN) && remainder.indexOf('/') == -1) {
      remainder = OFFICIAL_REPO_PREFIX + remainder;
    }
    return new String[] {domain, remainder};
  }

  /** The registry part, e.g. {@code docker.io} or {@code localhost:5000}. */
  public String domain() {
    return domain;
  }

  /** The repository path within the registry, e.g. {@code library/ubuntu}. */
  public String path() {
    return path;
  }

  /** The full repository name {@code domain/path}. */
  public String name() {
    return domain + "/" + path;
  }

  public Optional<String> tag() {
    return Optional.ofNullable(tag);
  }

  public Optional<Digest> digest() {
    return Optional.ofNullable(digest);
  }

  /** True when the reference has neither tag nor digest. */
  public boolean isNameOnly() {
    return tag == null && digest == null;
  }

  /** docker's TagNameOnly: adds {@code :latest} when there is neither tag nor digest. */
  public ImageReference withDefaultTag() {
    return isNameOnly() ? new ImageReference(domain, path, DEFAULT_TAG, null) : this;
  }

  /** The same repository with this tag and no digest. */
  public ImageReference withTag(String newTag) {
    return new ImageReference(domain, path, Objects.requireNonNull(newTag), null);
  }

  /** The same repository with this digest and no tag. */
  public ImageReference withDigest(Digest newDigest) {
    return new ImageReference(domain, path, null, Objects.requireNonNull(newDigest));
  }

  /** The repository alone (no tag, no digest). */
  public ImageReference repository() {
    return new ImageReference(domain, path, null, null);
  }

  /** docker's ParseDockerRef: a reference with both tag and digest keeps the digest only. */
  public ImageReference dockerRef() {
    return tag != null && digest != null ? withDigest(digest) : withDefaultTag();
  }

  /** The short name: {@code docker.io/} dropped, and {@code library/} when nothing else remains. */
  public String familiarName() {
    if (!domain.equals(DEFAULT_DOMAIN)) {
      return name();
    }
    if (path.startsWith(OFFICIAL_REPO_PREFIX)
        && path.indexOf('/', OFFICIAL_REPO_PREFIX.length()) < 0) {
      return path.substring(OFFICIAL_REPO_PREFIX.length());
    }
    return path;
  }

  /** The familiar name with tag and digest, e.g. {@code ubuntu:latest}. */
  public String familiarString() {
    return familiarName() + suffix();
  }

  private String suffix() {
    return (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
  }

  /** The full form, e.g. {@code docker.io/library/ubuntu:latest}. */
  @Override
  public String toString() {
    return name() + suffix();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ImageReference r && r.toString().equals(toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
