package io.jdock.registry;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Registries for tests: no cert dirs, retries that record their delays instead of sleeping. */
public final class TestRegistries {
  private TestRegistries() {}

  public static RegistryConfig config() {
    return new RegistryConfig(List.of(), List.of(), Map.of(), List.of(), 3, 5);
  }

  public static RetryPolicy retry(List<Duration> sleeps) {
    return new RetryPolicy(
        4, Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(30), sleeps::add);
  }

  public static Registries of(
      RegistryConfig config,
      Registries.CredentialSource creds,
      List<Duration> sleeps,
      Clock clock) {
    return new Registries(config, creds, retry(sleeps), clock, w -> {});
  }

  public static Registries of(RegistryConfig config, List<Duration> sleeps) {
    return of(config, Registries.CredentialSource.none(), sleeps, Clock.systemUTC());
  }
}
