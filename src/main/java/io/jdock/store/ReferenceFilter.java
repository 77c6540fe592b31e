package io.jdock.store;

import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * docker's {@code reference} filter of image listings (moby daemon/images/image_list.go): a
 * reference passes when a pattern matches its familiar form ({@code ubuntu:latest}) or familiar
 * name ({@code ubuntu}) with Go's {@code path.Match}; patterns are ORed; a digest reference is
 * matched by the repository of a {@code REPO:TAG} pattern.
 */
final class ReferenceFilter {
  private ReferenceFilter() {}

  /** The image's references that pass (all of them without patterns), tags first. */
  static List<ImageReference> matching(List<String> patterns, Image image)
      throws InvalidFilterException {
    if (patterns.isEmpty()) {
      return image.references();
    }
    List<ImageReference> result = new ArrayList<>();
    for (ImageReference ref : image.references()) {
      for (String pattern : patterns) {
        Optional<ImageReference> named = parse(pattern);
        String query = pattern;
        if (named.isPresent() && named.get().tag().isPresent() && ref.digest().isPresent()) {
          query = named.get().familiarName();
        }
        if (familiarMatch(query, ref)) {
          result.add(ref);
          break;
        }
      }
    }
    return result;
  }

  /** Whether every pattern names a tag: then an image none of whose tags matched is not listed. */
  static boolean allTagged(List<String> patterns) {
    if (patterns.isEmpty()) {
      return false;
    }
    for (String pattern : patterns) {
      if (parse(pattern).flatMap(ImageReference::tag).isEmpty()) {
        return false;
      }
    }
    return true;
  }

  /** docker's reference.FamiliarMatch; only the first match reports a bad pattern. */
  private static boolean familiarMatch(String pattern, ImageReference ref)
      throws InvalidFilterException {
    return GlobPattern.matches(pattern, ref.familiarString())
        || GlobPattern.matchesOrFalse(pattern, ref.familiarName());
  }

  private static Optional<ImageReference> parse(String pattern) {
    try {
      return Optional.of(ImageReference.parse(pattern));
    } catch (InvalidReferenceException e) {
      return Optional.empty();
    }
  }
}
