package io.jdock.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdock.registry.credentials.Credentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Fetches Bearer tokens (distribution docs/spec/auth/token.md and oauth.md): {@code GET
 * realm?service=&scope=...} with Basic credentials when we have a password, or {@code POST realm}
 * with {@code grant_type=refresh_token} when we hold an identity token. {@code token} or {@code
 * access_token}; {@code expires_in} at least 60 s.
 */
final class TokenClient {
  static final String CLIENT_ID = "jdock";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration MIN_EXPIRY = Duration.ofSeconds(60);

  private final HttpClients clients;
  private final Clock clock;

  TokenClient(HttpClients clients, Clock clock) {
    this.clients = clients;
    this.clock = clock;
  }

  /**
   * A token for {@code scopes} from the challenge's realm; {@code offline} asks for a refresh token
   * (login). {@code onBehalfOf} names the request in error messages, as docker's url.Error does.
   */
  BearerToken fetch(
      Challenge challenge,
      List<String> scopes,
      Optional<Credentials> creds,
      boolean offline,
      String onBehalfOf)
      throws RegistryException {
    String realm =
        challenge
            .param("realm")
            .orElseThrow(
                () ->
                    RegistryException.transport(
                        onBehalfOf + ": no realm specified for token auth challenge", null));
    String service = challenge.param("service").orElse("");
    HttpRequest request =
        creds.flatMap(Credentials::identityToken).isPresent()
            ? refreshRequest(realm, service, scopes, creds.get())
            : basicRequest(realm, service, scopes, creds, offline);
    HttpResponse<InputStream> response;
    try {
      response =
          clients.forUri(request.uri()).send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RegistryException(
          onBehalfOf + ": interrupted",
          RegistryException.Kind.TRANSPORT,
          java.util.OptionalInt.empty(),
          List.of(),
          new InterruptedIOException());
    } catch (IOException e) {
      throw RegistryException.transport(
          onBehalfOf + ": " + TransportErrors.describe(request.uri(), e), e);
    }
    if (response.statusCode() != 200) {
      RegistryException e = ErrorResponses.of(response);
      throw e.withMessage(onBehalfOf + ": " + e.getMessage());
    }
    return parse(response, onBehalfOf);
  }

  private BearerToken parse(HttpResponse<InputStream> response, String onBehalfOf)
      throws RegistryException {
    JsonNode body;
    try (InputStream in = response.body()) {
      body = MAPPER.readTree(in.readNBytes(1 << 20));
    } catch (IOException e) {
      throw RegistryException.transport(onBehalfOf + ": reading token: " + e.getMessage(), e);
    }
    String token = body == null ? "" : body.path("token").asText("");
    if (token.isEmpty() && body != null) {
      token = body.path("access_token").asText("");
    }
    if (token.isEmpty()) {
      throw RegistryException.content(
          RegistryException.Kind.INVALID_CONTENT,
          onBehalfOf + ": authorization server did not include a token in the response");
    }
    Duration expiresIn = Duration.ofSeconds(body.path("expires_in").asLong(0));
    if (expiresIn.compareTo(MIN_EXPIRY) < 0) {
      expiresIn = MIN_EXPIRY;
    }
    Instant issued = clock.instant();
    try {
      if (body.hasNonNull("issued_at")) {
        issued = Instant.parse(body.get("issued_at").asText());
      }
    } catch (DateTimeParseException e) {
      // docker falls back to the local time as well
    }
    String refresh = body.path("refresh_token").asText("");
    return new BearerToken(
        token, issued.plus(expiresIn), Optional.of(refresh).filter(s -> !s.isEmpty()));
  }

  private static HttpRequest basicRequest(
      String realm,
      String service,
      List<String> scopes,
      Optional<Credentials> creds,
      boolean offline) {
    StringJoiner q = new StringJoiner("&");
    if (!service.isEmpty()) {
      q.add("service=" + enc(service));
    }
    scopes.forEach(s -> q.add("scope=" + enc(s)));
    if (offline) {
      q.add("offline_token=true").add("client_id=" + CLIENT_ID);
    }
    URI uri = URI.create(realm + (q.length() == 0 ? "" : (realm.contains("?") ? "&" : "?") + q));
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET().timeout(Duration.ofSeconds(60));
    creds
        .filter(c -> !c.password().isEmpty())
        .ifPresent(c -> b.header("Authorization", basic(c.username(), c.password())));
    return b.build();
  }

  private static HttpRequest refreshRequest(
      String realm, String service, List<String> scopes, Credentials creds) {
    StringJoiner form = new StringJoiner("&");
    form.add("grant_type=refresh_token")
        .add("refresh_token=" + enc(creds.identityToken().orElseThrow()))
        .add("service=" + enc(service))
        .add("client_id=" + CLIENT_ID)
        .add("access_type=offline");
    if (!scopes.isEmpty()) {
      form.add("scope=" + enc(String.join(" ", scopes)));
    }
    return HttpRequest.newBuilder(URI.create(realm))
        .timeout(Duration.ofSeconds(60))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(form.toString()))
        .build();
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
