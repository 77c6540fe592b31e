package io.jdock.oci;

import java.io.IOException;

/** Content that does not parse or does not match what describes it (digest, size, schema). */
public class InvalidContentException extends IOException {
  public InvalidContentException(String message) {
    super(message);
  }

  public InvalidContentException(String message, Throwable cause) {
    super(message, cause);
  }
}
