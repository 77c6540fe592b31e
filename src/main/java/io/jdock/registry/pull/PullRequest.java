package io.jdock.registry.pull;

import io.jdock.oci.Platform;
import io.jdock.reference.ImageReference;
import java.util.Optional;

/**
 * {@code jdock pull [--platform P] [-a] NAME[:TAG|@DIGEST]}: the reference as the user typed it
 * (normalised, no default tag added yet), the platform (empty: the host's) and {@code --all-tags}.
 */
public record PullRequest(ImageReference reference, Optional<Platform> platform, boolean allTags) {

  /** Checks docker's client-side rules; the message is docker's. */
  public void validate() throws PullException {
    if (allTags && !reference.isNameOnly()) {
      throw new PullException("tag can't be used with --all-tags/-a");
    }
  }

  /** Checks the rules docker's daemon applies once the client has sent the request. */
  public void validateForDaemon() throws PullException {
    if (reference.familiarName().equals("scratch")) {
      throw PullException.daemon("'scratch' is a reserved name");
    }
  }
}
