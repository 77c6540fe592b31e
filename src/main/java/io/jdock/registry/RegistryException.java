package io.jdock.registry;

import java.io.IOException;
import java.util.List;
import java.util.OptionalInt;

/**
 * A failed registry operation. It keeps the registry's structure (HTTP status, error codes) and
 * what kind of failure it was, which decides retries and mirror fallback; the message is docker's
 * text for the same failure.
 */
public class RegistryException extends IOException {
  /** What failed: decides whether another endpoint may be tried (reference 1.10). */
  public enum Kind {
    /** No HTTP answer: connection refused, DNS, TLS, connection reset. */
    TRANSPORT,
    /** The registry answered with error codes in its JSON body. */
    ERROR_CODES,
    /** The registry answered with a status and no error body that could be read. */
    UNEXPECTED_STATUS,
    /** Content jdock will not use: schema 1, unknown media type, no matching platform. */
    UNSUPPORTED,
    /** Content that does not verify (digest, size, parse). */
    INVALID_CONTENT
  }

  private final Kind kind;
  private final OptionalInt status;
  private final List<ErrorEntry> errors;

  public RegistryException(
      String message, Kind kind, OptionalInt status, List<ErrorEntry> errors, Throwable cause) {
    super(message, cause);
    this.kind = kind;
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  /** A failure without an HTTP answer. */
  public static RegistryException transport(String message, Throwable cause) {
    return new RegistryException(message, Kind.TRANSPORT, OptionalInt.empty(), List.of(), cause);
  }

  /** Content that is refused or does not verify. */
  public static RegistryException content(Kind kind, String message) {
    return new RegistryException(message, kind, OptionalInt.empty(), List.of(), null);
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status of the answer, if there was one. */
  public OptionalInt status() {
    return status;
  }

  /** The registry's error entries, first one first (may be empty). */
  public List<ErrorEntry> errors() {
    return errors;
  }

  /** True if the first error entry has this code. */
  public boolean hasCode(String code) {
    return !errors.isEmpty() && errors.get(0).code().equals(code);
  }

  /** Worth retrying: no answer, 5xx or 429. */
  public boolean isTemporary() {
    if (kind == Kind.TRANSPORT) {
      return true;
    }
    int s = status.orElse(0);
    return s >= 500 || s == 429;
  }

  /** The same failure with another message (docker's translation of pull errors). */
  public RegistryException withMessage(String message) {
    return new RegistryException(message, kind, status, errors, this);
  }
}
