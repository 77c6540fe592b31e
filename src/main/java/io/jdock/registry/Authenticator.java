package io.jdock.registry;

import io.jdock.registry.credentials.Credentials;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The credentials of one registry endpoint and how it wants them (its challenges): nothing, Basic
 * on every request, or a Bearer token per scope, fetched once and reused until it expires (cached
 * per scope set). A registry that challenges a request again gets a fresh token, once.
 */
final class Authenticator {
  private final Optional<Credentials> credentials;
  private final TokenClient tokens;
  private final Clock clock;
  private final Map<String, BearerToken> cache = new ConcurrentHashMap<>();
  private volatile List<Challenge> challenges = List.of();

  Authenticator(Optional<Credentials> credentials, TokenClient tokens, Clock clock) {
    this.credentials = credentials;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** Remembers what the registry asked for (from the ping or a 401). */
  void learn(List<Challenge> newChallenges) {
    if (!newChallenges.isEmpty()) {
      challenges = List.copyOf(newChallenges);
    }
  }

  /** True if the registry asked for something this authenticator can answer. */
  boolean canAnswer() {
    return bearer().isPresent()
        || (basic().isPresent() && credentials.filter(c -> !c.password().isEmpty()).isPresent());
  }

  /** True if the registry asks for Basic auth only and there are no credentials to send. */
  boolean lacksBasicCredentials() {
    return bearer().isEmpty()
        && basic().isPresent()
        && credentials.filter(c -> !c.password().isEmpty()).isEmpty();
  }

  /**
   * The Authorization header for a request needing {@code scopes}; {@code fresh} ignores the cache
   * (after the registry refused the cached token). {@code onBehalfOf} is the request's Go url.Error
   * prefix for messages.
   */
  Optional<String> header(List<String> scopes, boolean fresh, String onBehalfOf)
      throws RegistryException {
    Optional<Challenge> bearer = bearer();
    if (bearer.isPresent()) {
      return Optional.of("Bearer " + token(bearer.get(), scopes, fresh, onBehalfOf).token());
    }
    if (basic().isPresent()) {
      return credentials
          .filter(c -> !c.password().isEmpty())
          .map(c -> TokenClient.basic(c.username(), c.password()));
    }
    return Optional.empty();
  }

  /** A token for login: no scope, a refresh token asked for (offline_token). */
  BearerToken loginToken(String onBehalfOf) throws RegistryException {
    Challenge c =
        bearer().orElseThrow(() -> new IllegalStateException("no Bearer challenge to log in with"));
    return tokens.fetch(c, List.of(), credentials, true, onBehalfOf);
  }

  Optional<Challenge> bearer() {
    return challenges.stream().filter(Challenge::isBearer).findFirst();
  }

  Optional<Challenge> basic() {
    return challenges.stream().filter(Challenge::isBasic).findFirst();
  }

  private BearerToken token(Challenge c, List<String> scopes, boolean fresh, String onBehalfOf)
      throws RegistryException {
    TreeSet<String> all = new TreeSet<>(scopes);
    c.param("scope").ifPresent(s -> all.addAll(List.of(s.split(" "))));
    String key = c.param("realm").orElse("") + " " + c.param("service").orElse("") + " " + all;
    BearerToken cached = cache.get(key);
    if (!fresh && cached != null && cached.isValidAt(clock.instant())) {
      return cached;
    }
    BearerToken t = tokens.fetch(c, List.copyOf(all), credentials, false, onBehalfOf);
    cache.put(key, t);
    return t;
  }
}
