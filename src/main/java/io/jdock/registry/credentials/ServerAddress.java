package io.jdock.registry.credentials;

import java.util.Locale;
import java.util.Set;

/**
 * How docker names a registry in {@code config.json}: Docker Hub is {@code
 * https://index.docker.io/v1/}, every other registry its {@code host[:port]}
 * (cli/config/credentials ConvertToHostname).
 */
public final class ServerAddress {
  /** The key of Docker Hub's credentials, and the default server of {@code login}. */
  public static final String INDEX_SERVER = "https://index.docker.io/v1/";

  private static final Set<String> HUB_NAMES =
      Set.of("docker.io", "index.docker.io", "registry-1.docker.io", "registry.docker.io");

  private ServerAddress() {}

  /** ConvertToHostname: drops an {@code http://} or {@code https://} prefix and any path. */
  public static String toHostname(String address) {
    String s = address;
    if (s.startsWith("http://")) {
      s = s.substring("http://".length());
    } else if (s.startsWith("https://")) {
      s = s.substring("https://".length());
    }
    int slash = s.indexOf('/');
    return slash >= 0 ? s.substring(0, slash) : s;
  }

  /** The config.json key of a registry domain as references name it ({@code docker.io} etc.). */
  public static String keyFor(String domain) {
    return isDockerHub(domain) ? INDEX_SERVER : toHostname(domain);
  }

  /** True for every name docker uses for Docker Hub, with or without scheme and path. */
  public static boolean isDockerHub(String address) {
    return address.equals(INDEX_SERVER)
        || HUB_NAMES.contains(toHostname(address).toLowerCase(Locale.ROOT));
  }
}
