package io.jdock.layer;

import io.jdock.oci.Digest;
import io.jdock.oci.InvalidContentException;

/** The uncompressed layer tar does not hash to the diff_id the image config lists. */
public class DiffIdMismatchException extends InvalidContentException {
  public DiffIdMismatchException(Digest expected, Digest actual) {
    super("invalid diffID for layer: expected \"" + expected + "\", got \"" + actual + "\"");
  }
}
