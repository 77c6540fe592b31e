package io.jdock.store;

/** An ID prefix matches several containers (docker's message). */
public class AmbiguousPrefixException extends Exception {
  public AmbiguousPrefixException(String prefix) {
    super("Multiple IDs found with provided prefix: " + prefix);
  }
}
