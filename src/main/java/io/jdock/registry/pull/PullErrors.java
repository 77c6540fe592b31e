package io.jdock.registry.pull;

import io.jdock.reference.ImageReference;
import io.jdock.registry.ErrorEntry;
import io.jdock.registry.RegistryException;
import java.io.InterruptedIOException;

/**
 * docker's words for pull failures (moby distribution/errors.go translatePullError) and its rule
 * for trying the next endpoint (continueOnError, reference 1.10).
 */
final class PullErrors {
  private PullErrors() {}

  /** {@code pull access denied for ...}, {@code manifest for ... not found: ...}, etc. */
  static RegistryException translate(RegistryException e, ImageReference ref) {
    if (e.errors().isEmpty()) {
      return e;
    }
    ErrorEntry first = e.errors().get(0);
    return switch (first.code()) {
      case ErrorEntry.DENIED ->
          e.withMessage(
              "pull access denied for "
                  + ref.familiarName()
                  + ", repository does not exist or may require 'docker login': "
                  + first);
      case ErrorEntry.MANIFEST_UNKNOWN ->
          e.withMessage("manifest for " + ref.familiarString() + " not found: " + first);
      case ErrorEntry.NAME_UNKNOWN ->
          e.withMessage("repository " + ref.familiarName() + " not found: " + first);
      default -> e;
    };
  }

  /**
   * Whether another endpoint may be tried: registry error codes only from a mirror; unexpected
   * answers, transport failures and unverifiable content from any endpoint; never after a
   * cancellation or for content jdock refuses (it would be refused everywhere).
   */
  static boolean fallBack(RegistryException e, boolean mirror) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedIOException) {
        return false;
      }
    }
    return switch (e.kind()) {
      case ERROR_CODES -> mirror;
      case UNEXPECTED_STATUS, TRANSPORT, INVALID_CONTENT -> true;
      case UNSUPPORTED -> false;
    };
  }
}
