package io.jdock.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Consumer;

/**
 * Sends one API call to an endpoint and owns what every call needs: the Authorization header (only
 * ever to the endpoint's own host), one re-authentication after a 401 challenge, redirects followed
 * by hand (a blob's 307 to a CDN gets no credentials), and bounded retries with backoff on 5xx, 429
 * ({@code Retry-After}) and broken connections. The caller checks the final status.
 */
final class RegistryTransport {
  private static final int MAX_REDIRECTS = 10;
  private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(120);

  private final HttpClients clients;
  private final RetryPolicy retry;
  private final Consumer<String> warnings;

  RegistryTransport(HttpClients clients, RetryPolicy retry, Consumer<String> warnings) {
    this.clients = clients;
    this.retry = retry;
    this.warnings = warnings;
  }

  RetryPolicy retryPolicy() {
    return retry;
  }

  /** The final answer (any status); its body must be closed by the caller. */
  HttpResponse<InputStream> send(Endpoint endpoint, Authenticator auth, RegistryRequest call)
      throws RegistryException {
    URI uri = call.uri();
    String method = call.method();
    int attempt = 1;
    int redirects = 0;
    boolean reauthenticated = false;
    while (true) {
      boolean ownHost = sameOrigin(uri, endpoint.base()) && !call.anonymous();
      String onBehalfOf = TransportErrors.goMethod(method) + " \"" + uri + "\"";
      HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(RESPONSE_TIMEOUT);
      call.headers().forEach(b::header);
      b.method(method, call.body().map(s -> s.get()).orElse(HttpRequest.BodyPublishers.noBody()));
      if (ownHost) {
        auth.header(call.scopes(), reauthenticated, onBehalfOf)
            .ifPresent(h -> b.header("Authorization", h));
      }
      HttpResponse<InputStream> response;
      try {
        response =
            clients
                .forUri(uri, ownHost ? endpoint.tls() : Endpoint.Tls.VERIFY)
                .send(b.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw interrupted(onBehalfOf);
      } catch (IOException e) {
        if (call.retryable()
            && attempt < retry.maxAttempts()
            && !TransportErrors.isInterrupted(e)
            && !TransportErrors.isRefused(e)) {
          pause(retry.backoff(attempt++), onBehalfOf);
          continue;
        }
        throw RegistryException.transport(TransportErrors.request(method, uri, e), e);
      }
      surfaceWarnings(response.headers());
      int status = response.statusCode();
      if (status == 401 && ownHost && !reauthenticated) {
        List<Challenge> challenges =
            Challenge.parseAll(response.headers().allValues("WWW-Authenticate"));
        auth.learn(challenges);
        if (!challenges.isEmpty() && auth.canAnswer() && call.retryable()) {
          discard(response);
          reauthenticated = true;
          continue;
        }
        return response;
      }
      Optional<String> location = response.headers().firstValue("Location");
      if (isRedirect(status)
          && location.isPresent()
          && !method.equals("PUT")
          && !method.equals("POST")
          && !method.equals("PATCH")) {
        discard(response);
        if (++redirects > MAX_REDIRECTS) {
          throw RegistryException.transport(
              onBehalfOf + ": stopped after " + MAX_REDIRECTS + " redirects", null);
        }
        uri = uri.resolve(location.get());
        continue;
      }
      if ((status >= 500 || status == 429) && call.retryable() && attempt < retry.maxAttempts()) {
        Duration wait = retryAfter(response.headers()).orElse(retry.backoff(attempt));
        if (wait.compareTo(retry.maxRetryAfter()) <= 0) {
          discard(response);
          pause(wait, onBehalfOf);
          attempt++;
          continue;
        }
      }
      return response;
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && String.valueOf(a.getHost()).equalsIgnoreCase(String.valueOf(b.getHost()))
        && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() != -1 ? u.getPort() : u.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  /** {@code Retry-After}: seconds or an HTTP date. */
  static Optional<Duration> retryAfter(HttpHeaders headers) {
    Optional<String> v = headers.firstValue("Retry-After").map(String::trim);
    if (v.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v.get()))));
    } catch (NumberFormatException e) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v.get(), DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration d = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(d.isNegative() ? Duration.ZERO : d);
      } catch (DateTimeParseException e2) {
        return Optional.empty();
      }
    }
  }

  private void surfaceWarnings(HttpHeaders headers) {
    for (String w : headers.allValues("Warning")) {
      // Warning: 299 - "text" (RFC 7234); only 299 carries a message for the user.
      if (w.startsWith("299 ")) {
        int q = w.indexOf('"');
        int end = w.lastIndexOf('"');
        warnings.accept(q >= 0 && end > q ? w.substring(q + 1, end) : w.substring(4));
      }
    }
  }

  private void pause(Duration d, String onBehalfOf) throws RegistryException {
    try {
      retry.sleeper().sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(onBehalfOf);
    }
  }

  private static RegistryException interrupted(String onBehalfOf) {
    return new RegistryException(
        onBehalfOf + ": context canceled",
        RegistryException.Kind.TRANSPORT,
        OptionalInt.empty(),
        List.of(),
        new InterruptedIOException());
  }

  static void discard(HttpResponse<InputStream> response) {
    try (InputStream in = response.body()) {
      in.skip(1 << 16);
    } catch (IOException e) {
      // the connection is dropped instead of reused; nothing else to do
    }
  }
}
