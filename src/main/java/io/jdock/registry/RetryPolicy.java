package io.jdock.registry;

import java.time.Duration;

/**
 * How often and how patiently a request is repeated after a 5xx, a 429 or a broken connection:
 * {@code maxAttempts} in all, exponential backoff from {@code baseDelay} capped at {@code
 * maxDelay}; a 429's {@code Retry-After} is honoured up to {@code maxRetryAfter} (beyond it the
 * error is reported at once, as waiting hours for a rate limit helps nobody). The sleeper is
 * injectable so tests observe delays without waiting.
 */
public record RetryPolicy(
    int maxAttempts,
    Duration baseDelay,
    Duration maxDelay,
    Duration maxRetryAfter,
    Sleeper sleeper) {

  /** Waits; tests record the durations instead. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /** 5 attempts, 1 s doubling to 16 s, Retry-After up to 60 s, real sleeping. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(
        5,
        Duration.ofSeconds(1),
        Duration.ofSeconds(16),
        Duration.ofSeconds(60),
        d -> Thread.sleep(d.toMillis()));
  }

  /** The backoff before attempt {@code attempt + 1} (attempt counts from 1). */
  public Duration backoff(int attempt) {
    Duration d = baseDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }
}
