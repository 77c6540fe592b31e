package io.jdock.container;

import io.jdock.registry.Registries;
import io.jdock.registry.RegistryConfig;
import io.jdock.registry.RegistryConfigException;
import io.jdock.registry.RetryPolicy;
import io.jdock.registry.credentials.CredentialStore;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * The registries as the user set them up: jdock's registry settings ({@code $JDOCK_CONFIG}, with
 * its {@code certs.d/}) and docker's credentials ({@code $DOCKER_CONFIG/config.json} and its
 * credential helpers).
 *
 * @param registries the entry point to registries, credentials wired in
 * @param credentials where {@code login} stores and {@code logout} erases credentials
 */
public record RegistryAccess(Registries registries, CredentialStore credentials) {

  /**
   * Reads the settings and credentials named by {@code env}; {@code maxConcurrentDownloads}
   * overrides the setting. Registry warnings ({@code Warning: 299}) go to {@code warnings}.
   */
  public static RegistryAccess forUser(
      Map<String, String> env, OptionalInt maxConcurrentDownloads, Consumer<String> warnings)
      throws RegistryConfigException, IOException {
    RegistryConfig config = RegistryConfig.load(RegistryConfig.defaultPath(env));
    if (maxConcurrentDownloads.isPresent()) {
      config = config.withMaxConcurrentDownloads(maxConcurrentDownloads.getAsInt());
    }
    CredentialStore credentials = CredentialStore.load(env);
    Registries registries =
        new Registries(
            config, credentials::get, RetryPolicy.defaults(), Clock.systemUTC(), warnings);
    return new RegistryAccess(registries, credentials);
  }
}
