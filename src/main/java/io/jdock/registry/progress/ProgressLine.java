package io.jdock.registry.progress;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One message of a pull or push stream, as docker's JSONMessage: an optional id (12 hex of a layer
 * digest, or a tag), a status text, optional byte progress, and whether it is the command's result
 * (the only line {@code -q} keeps).
 */
public record ProgressLine(
    Optional<String> id, String status, OptionalLong current, OptionalLong total, boolean result) {

  /** A line without id, e.g. {@code Digest: sha256:...}. */
  public static ProgressLine message(String status) {
    return new ProgressLine(
        Optional.empty(), status, OptionalLong.empty(), OptionalLong.empty(), false);
  }

  /** A status of one id, e.g. {@code a3ed95caeb02: Pull complete}. */
  public static ProgressLine status(String id, String status) {
    return new ProgressLine(
        Optional.of(id), status, OptionalLong.empty(), OptionalLong.empty(), false);
  }

  /** Byte progress of one id, e.g. {@code Downloading 1.2MB/30MB}. */
  public static ProgressLine progress(String id, String status, long current, long total) {
    return new ProgressLine(
        Optional.of(id),
        status,
        OptionalLong.of(current),
        total > 0 ? OptionalLong.of(total) : OptionalLong.empty(),
        false);
  }

  /** The command's result line (the canonical reference). */
  public static ProgressLine result(String text) {
    return new ProgressLine(
        Optional.empty(), text, OptionalLong.empty(), OptionalLong.empty(), true);
  }

  /** True for lines carrying byte counts (hidden when not on a terminal). */
  public boolean hasProgress() {
    return current.isPresent();
  }
}
