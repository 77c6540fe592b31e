package io.jdock.store;

import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import java.util.Collection;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * docker's lookup of a user argument (daemon GetImage; reference doc section 1.3, "Lookup order"):
 * a 64-hex string or {@code sha256:<hex>} is an image ID; anything else is parsed as a reference
 * ({@code :latest} added) and matched exactly, then taken as a unique image-ID prefix ({@code
 * sha256:} optional). An ambiguous prefix finds nothing.
 */
final class ImageLookup {
  private static final Pattern FULL_HEX_ID = Pattern.compile("[a-f0-9]{64}");
  private static final String SHA256_PREFIX = "sha256:";

  private ImageLookup() {}

  /** The image ID the argument names, given the store's references and IDs. */
  static Optional<Digest> resolve(
      String argument, Function<ImageReference, Optional<Digest>> byRef, Collection<Digest> ids)
      throws InvalidReferenceException {
    Optional<Digest> fullId = fullId(argument);
    if (fullId.isPresent()) {
      return fullId.filter(ids::contains);
    }
    ImageReference ref = ImageReference.parse(argument);
    Optional<Digest> byName = byRef.apply(RefNames.normalize(ref));
    if (byName.isPresent()) {
      return byName;
    }
    return byPrefix(argument, ids);
  }

  private static Optional<Digest> fullId(String argument) {
    if (FULL_HEX_ID.matcher(argument).matches()) {
      return Optional.of(Digest.sha256Hex(argument));
    }
    if (argument.startsWith(SHA256_PREFIX) && Digest.isValid(argument)) {
      return Optional.of(Digest.parse(argument));
    }
    return Optional.empty();
  }

  /** docker's digestset lookup: a unique prefix of the hex, optionally after {@code sha256:}. */
  private static Optional<Digest> byPrefix(String term, Collection<Digest> ids) {
    String hexPrefix = term;
    int colon = term.indexOf(':');
    if (colon >= 0) {
      if (!term.substring(0, colon).equals("sha256")) {
        return Optional.empty();
      }
      hexPrefix = term.substring(colon + 1);
    }
    if (hexPrefix.isEmpty()) {
      return Optional.empty();
    }
    Digest match = null;
    for (Digest id : ids) {
      if (id.hex().startsWith(hexPrefix)) {
        if (match != null && !match.equals(id)) {
          return Optional.empty();
        }
        match = id;
      }
    }
    return Optional.ofNullable(match);
  }

  /**
   * docker's isImageIDPrefix: whether the argument reads as a prefix of the ID, in which case rmi
   * deletes by ID rather than untagging a reference.
   */
  static boolean isIdPrefix(Digest id, String argument) {
    return id.toString().startsWith(argument) || id.hex().startsWith(argument);
  }

  /**
   * docker's {@code No such image: X} text: X is the familiar reference with {@code :latest} added
   * ({@code foo} -> {@code foo:latest}, also for a short hex ID), or the ID as given.
   */
  static String notFoundMessage(String argument) {
    Optional<Digest> fullId = fullId(argument);
    if (fullId.isPresent()) {
      return "No such image: " + fullId.get();
    }
    try {
      return "No such image: " + ImageReference.parse(argument).withDefaultTag().familiarString();
    } catch (InvalidReferenceException e) {
      return "No such image: " + argument;
    }
  }
}
