package io.jdock.cli;

import java.io.IOException;

/**
 * Errors that docker's daemon reports inside the output stream of {@code load} and {@code import}
 * (after the response began): its client prints them as the bare message, without {@code Error
 * response from daemon:}.
 */
final class StreamErrors {
  private StreamErrors() {}

  static UserException of(IOException e) {
    String message = e.getMessage();
    return new UserException(
        message == null || message.isBlank() ? e.getClass().getSimpleName() : message);
  }
}
