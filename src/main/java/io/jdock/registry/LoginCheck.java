package io.jdock.registry;

import io.jdock.registry.credentials.Credentials;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Verifies credentials against a registry before they are saved (moby registry/auth.go loginV2):
 * {@code GET /v2/}; a Bearer challenge is answered with a token fetched with the credentials (and
 * {@code offline_token=true}, so the server may return a refresh token to keep instead of the
 * password), a Basic challenge with the credentials themselves. Endpoints are tried in order while
 * they cannot be reached.
 */
final class LoginCheck {
  private final Registries registries;

  LoginCheck(Registries registries) {
    this.registries = registries;
  }

  /** Succeeds, with an identity token when the registry gave one, or throws docker's error. */
  Optional<String> verify(String domain, Credentials creds) throws RegistryException {
    RegistryException last = null;
    for (Endpoint endpoint : registries.endpoints().forRegistry(domain)) {
      try {
        return verifyAt(endpoint, creds);
      } catch (RegistryException e) {
        if (e.kind() != RegistryException.Kind.TRANSPORT) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  private Optional<String> verifyAt(Endpoint endpoint, Credentials creds) throws RegistryException {
    URI v2 = endpoint.resolve("/v2/");
    String onBehalfOf = "Get \"" + v2 + "\"";
    Authenticator auth = registries.freshAuthenticator(Optional.of(creds));
    RegistryTransport transport = registries.transport();
    HttpResponse<InputStream> ping =
        transport.send(endpoint, auth, RegistryRequest.anonymous(v2, Map.of()));
    RegistryTransport.discard(ping);
    if (ping.statusCode() == 200) {
      return Optional.empty();
    }
    auth.learn(Challenge.parseAll(ping.headers().allValues("WWW-Authenticate")));
    Optional<String> identityToken = Optional.empty();
    Map<String, String> headers;
    if (auth.bearer().isPresent()) {
      BearerToken token = auth.loginToken(onBehalfOf);
      identityToken = token.refreshToken();
      headers = Map.of("Authorization", "Bearer " + token.token());
    } else {
      headers = Map.of("Authorization", TokenClient.basic(creds.username(), creds.password()));
    }
    Authenticator none = registries.freshAuthenticator(Optional.empty());
    HttpResponse<InputStream> r =
        transport.send(endpoint, none, RegistryRequest.get(v2, List.of(), headers));
    RegistryTransport.discard(r);
    if (r.statusCode() != 200) {
      throw new RegistryException(
          "login attempt to "
              + v2
              + " failed with status: "
              + r.statusCode()
              + " "
              + ErrorResponses.reason(r.statusCode()),
          RegistryException.Kind.UNEXPECTED_STATUS,
          java.util.OptionalInt.of(r.statusCode()),
          List.of(),
          null);
    }
    return identityToken;
  }
}
