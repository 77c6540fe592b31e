package io.jdock.archive;

import io.jdock.oci.InvalidContentException;

/**
 * An archive that cannot be loaded as it is: missing or inconsistent metadata, a layer that does
 * not hash to its diff_id, an unsafe entry name. The message is the line docker prints where docker
 * has one ({@code invalid archive: does not contain a manifest.json}).
 */
public class InvalidArchiveException extends InvalidContentException {
  public InvalidArchiveException(String message) {
    super(message);
  }

  public InvalidArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
