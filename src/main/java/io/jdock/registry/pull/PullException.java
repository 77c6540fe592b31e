package io.jdock.registry.pull;

/** A pull refused before any registry is asked (docker's client-side checks). */
public class PullException extends Exception {
  public PullException(String message) {
    super(message);
  }
}
