package io.jdock.registry;

/** An invalid jdock registry configuration; the message is docker's where docker has one. */
public class RegistryConfigException extends Exception {
  public RegistryConfigException(String message) {
    super(message);
  }

  public RegistryConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
