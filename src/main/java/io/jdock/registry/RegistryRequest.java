package io.jdock.registry;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One API call: method, URI, extra headers, an optional body (re-creatable when {@code retryable}),
 * and the token scopes it needs (e.g. {@code repository:library/ubuntu:pull}). An {@code anonymous}
 * call (the ping) carries no credentials and is not re-sent after a challenge: it is how challenges
 * are learnt.
 */
record RegistryRequest(
    String method,
    URI uri,
    Map<String, String> headers,
    Optional<Supplier<HttpRequest.BodyPublisher>> body,
    List<String> scopes,
    boolean retryable,
    boolean anonymous) {

  RegistryRequest(
      String method,
      URI uri,
      Map<String, String> headers,
      Optional<Supplier<HttpRequest.BodyPublisher>> body,
      List<String> scopes,
      boolean retryable) {
    this(method, uri, headers, body, scopes, retryable, false);
  }

  /** {@code GET /v2/} or another call sent as is, without credentials. */
  static RegistryRequest anonymous(URI uri, Map<String, String> headers) {
    return new RegistryRequest("GET", uri, headers, Optional.empty(), List.of(), true, true);
  }

  static RegistryRequest get(URI uri, List<String> scopes, Map<String, String> headers) {
    return new RegistryRequest("GET", uri, headers, Optional.empty(), scopes, true);
  }

  RegistryRequest withHeader(String name, String value) {
    Map<String, String> h = new java.util.LinkedHashMap<>(headers);
    h.put(name, value);
    return new RegistryRequest(method, uri, h, body, scopes, retryable, anonymous);
  }
}
