package io.jdock.registry;

import io.jdock.registry.credentials.Credentials;
import io.jdock.registry.credentials.ServerAddress;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The entry point to registries for one jdock command: settings, credentials, HTTP clients, and per
 * endpoint the authentication state (challenges, cached tokens) shared by all repositories of that
 * endpoint. Thread-safe.
 */
public final class Registries {
  /**
   * Where credentials come from: a {@link io.jdock.registry.credentials.CredentialStore} or a test.
   */
  @FunctionalInterface
  public interface CredentialSource {
    /** The credentials under a config.json key ({@code https://index.docker.io/v1/}, host:port). */
    Optional<Credentials> get(String serverKey) throws IOException;

    /** No credentials at all. */
    static CredentialSource none() {
      return key -> Optional.empty();
    }
  }

  private final RegistryConfig config;
  private final Endpoints endpoints;
  private final CredentialSource credentials;
  private final HttpClients clients;
  private final RegistryTransport transport;
  private final TokenClient tokens;
  private final Clock clock;
  private final Map<String, Authenticator> authenticators = new ConcurrentHashMap<>();
  private final Map<String, Boolean> pinged = new ConcurrentHashMap<>();

  public Registries(
      RegistryConfig config,
      CredentialSource credentials,
      RetryPolicy retry,
      Clock clock,
      Consumer<String> warnings) {
    this.config = config;
    this.endpoints = new Endpoints(config);
    this.credentials = credentials;
    this.clients = new HttpClients(config.certsDirs());
    this.transport = new RegistryTransport(clients, retry, warnings);
    this.tokens = new TokenClient(clients, clock);
    this.clock = clock;
  }

  /** Default retries and clock; registry warnings are dropped. */
  public Registries(RegistryConfig config, CredentialSource credentials) {
    this(config, credentials, RetryPolicy.defaults(), Clock.systemUTC(), w -> {});
  }

  public RegistryConfig config() {
    return config;
  }

  public Endpoints endpoints() {
    return endpoints;
  }

  /** How requests and downloads are retried. */
  public RetryPolicy retryPolicy() {
    return transport.retryPolicy();
  }

  /** A client for {@code repository} (path within the registry) at {@code endpoint}. */
  public RegistryClient client(Endpoint endpoint, String repository) throws RegistryException {
    return new RegistryClient(endpoint, repository, transport, authenticator(endpoint), this);
  }

  /** The credentials key of an endpoint: Docker Hub's API host maps to its index key. */
  static String credentialsKey(Endpoint endpoint) {
    return endpoint.host().equals(Endpoints.DOCKER_HUB_API)
        ? ServerAddress.INDEX_SERVER
        : ServerAddress.keyFor(endpoint.host());
  }

  Authenticator authenticator(Endpoint endpoint) throws RegistryException {
    Authenticator existing = authenticators.get(endpoint.toString());
    if (existing != null) {
      return existing;
    }
    Optional<Credentials> creds;
    try {
      creds = credentials.get(credentialsKey(endpoint));
    } catch (IOException e) {
      throw RegistryException.transport(e.getMessage(), e);
    }
    return authenticators.computeIfAbsent(
        endpoint.toString(), k -> new Authenticator(creds, tokens, clock));
  }

  /** An authenticator with given credentials, not shared (login checks credentials with it). */
  Authenticator freshAuthenticator(Optional<Credentials> creds) {
    return new Authenticator(creds, tokens, clock);
  }

  RegistryTransport transport() {
    return transport;
  }

  /** True the first time an endpoint is asked about (it is then pinged). */
  boolean firstContact(Endpoint endpoint) {
    return pinged.putIfAbsent(endpoint.toString(), Boolean.TRUE) == null;
  }

  /** Forgets that an endpoint was pinged (its ping failed). */
  void forgetContact(Endpoint endpoint) {
    pinged.remove(endpoint.toString());
  }
}
