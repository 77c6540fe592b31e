package io.jdock.registry;

import java.net.URI;

/**
 * One place a repository can be fetched from: the registry itself or a mirror, with its scheme and
 * TLS mode (reference 1.10). {@code base} has no trailing slash; API paths are appended to it.
 */
public record Endpoint(URI base, boolean mirror, Tls tls) {

  /** How the TLS connection of an https endpoint is checked. */
  public enum Tls {
    /** JDK truststore plus the CA certificates found for this host. */
    VERIFY,
    /** No certificate check: https of a registry listed as insecure, as docker does. */
    SKIP_VERIFY
  }

  public Endpoint {
    String s = base.toString();
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    base = URI.create(s);
  }

  /** {@code host[:port]} of the endpoint, the key of its credentials and CA certificates. */
  public String host() {
    return base.getRawAuthority();
  }

  /** The URI of an API path such as {@code /v2/}. */
  public URI resolve(String apiPath) {
    return URI.create(base + apiPath);
  }

  @Override
  public String toString() {
    return base.toString();
  }
}
