package io.jdock.registry;

import io.jdock.reference.ImageReference;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The ordered endpoints of a registry domain (moby registry/service_v2.go, reference 1.10): mirrors
 * first (Docker Hub's {@code registry-mirrors} and the per-registry {@code mirrors}), then the
 * registry itself. Docker Hub is {@code https://registry-1.docker.io}. Loopback registries speak
 * plain http (https first only when CA certificates are configured for them); a registry listed as
 * insecure is tried with unverified https, then http.
 */
public final class Endpoints {
  /** The host of Docker Hub's API. */
  public static final String DOCKER_HUB_API = "registry-1.docker.io";

  private final RegistryConfig config;

  public Endpoints(RegistryConfig config) {
    this.config = config;
  }

  /** Mirrors then the registry, for pulling from {@code domain}. */
  public List<Endpoint> forPull(String domain) {
    List<Endpoint> list = new ArrayList<>();
    List<URI> mirrors = new ArrayList<>();
    if (domain.equals(ImageReference.DEFAULT_DOMAIN)) {
      mirrors.addAll(config.registryMirrors());
    }
    mirrors.addAll(config.mirrors().getOrDefault(domain, List.of()));
    for (URI m : mirrors) {
      list.add(
          new Endpoint(
              m,
              true,
              isInsecure(m.getRawAuthority()) ? Endpoint.Tls.SKIP_VERIFY : Endpoint.Tls.VERIFY));
    }
    list.addAll(forRegistry(domain));
    return list;
  }

  /** The registry itself, without mirrors (push and login). */
  public List<Endpoint> forRegistry(String domain) {
    if (domain.equals(ImageReference.DEFAULT_DOMAIN)) {
      return List.of(endpoint("https", DOCKER_HUB_API, Endpoint.Tls.VERIFY));
    }
    if (isLoopback(domain)) {
      return hasCertificates(domain)
          ? List.of(
              endpoint("https", domain, Endpoint.Tls.VERIFY),
              endpoint("http", domain, Endpoint.Tls.VERIFY))
          : List.of(endpoint("http", domain, Endpoint.Tls.VERIFY));
    }
    if (isListedInsecure(domain)) {
      return List.of(
          endpoint("https", domain, Endpoint.Tls.SKIP_VERIFY),
          endpoint("http", domain, Endpoint.Tls.VERIFY));
    }
    return List.of(endpoint("https", domain, Endpoint.Tls.VERIFY));
  }

  private static Endpoint endpoint(String scheme, String host, Endpoint.Tls tls) {
    return new Endpoint(URI.create(scheme + "://" + host), false, tls);
  }

  /** Loopback ({@code localhost}, 127.0.0.0/8, ::1) or listed in {@code insecure-registries}. */
  public boolean isInsecure(String hostPort) {
    return isLoopback(hostPort) || isListedInsecure(hostPort);
  }

  private boolean hasCertificates(String hostPort) {
    for (Path dir : config.certsDirs()) {
      if (Files.isDirectory(dir.resolve(hostPort))) {
        return true;
      }
    }
    return false;
  }

  private boolean isListedInsecure(String hostPort) {
    String host = hostOnly(hostPort);
    for (String entry : config.insecureRegistries()) {
      String e = entry.replaceFirst("^https?://", "").replaceAll("/+$", "");
      if (e.equalsIgnoreCase(hostPort) || e.equalsIgnoreCase(host) || inCidr(host, e)) {
        return true;
      }
    }
    return false;
  }

  /** True for localhost, 127.0.0.0/8 and ::1, with or without a port. */
  static boolean isLoopback(String hostPort) {
    String host = hostOnly(hostPort).toLowerCase(Locale.ROOT);
    return host.equals("localhost") || host.equals("::1") || inCidr(host, "127.0.0.0/8");
  }

  static String hostOnly(String hostPort) {
    if (hostPort.startsWith("[")) {
      int end = hostPort.indexOf(']');
      return end > 0 ? hostPort.substring(1, end) : hostPort;
    }
    int colon = hostPort.indexOf(':');
    return colon >= 0 && colon == hostPort.lastIndexOf(':')
        ? hostPort.substring(0, colon)
        : hostPort;
  }

  private static boolean inCidr(String host, String cidr) {
    int slash = cidr.indexOf('/');
    if (slash < 0) {
      return false;
    }
    long ip = ipv4(host);
    long net = ipv4(cidr.substring(0, slash));
    int bits;
    try {
      bits = Integer.parseInt(cidr.substring(slash + 1));
    } catch (NumberFormatException e) {
      return false;
    }
    if (ip < 0 || net < 0 || bits < 0 || bits > 32) {
      return false;
    }
    long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
    return (ip & mask) == (net & mask);
  }

  private static long ipv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return -1;
    }
    long v = 0;
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
        return -1;
      }
      int n = Integer.parseInt(p);
      if (n > 255) {
        return -1;
      }
      v = (v << 8) | n;
    }
    return v;
  }
}
