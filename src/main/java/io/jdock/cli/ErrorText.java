package io.jdock.cli;

/**
 * Renders an exception as the single line docker would print. Errors that docker's daemon would
 * report keep docker's {@code Error response from daemon: } prefix so that scripts written for
 * docker match them (jdock has no daemon; the text is kept for compatibility).
 */
final class ErrorText {
  private ErrorText() {}

  static String of(Throwable ex) {
    if (ex instanceof UserException) {
      return ex.getMessage();
    }
    if (ex instanceof DaemonStyleError) {
      return "Error response from daemon: " + ex.getMessage();
    }
    String message = ex.getMessage();
    if (message == null || message.isBlank()) {
      message = ex.getClass().getSimpleName();
    }
    return "Error: " + message;
  }
}
