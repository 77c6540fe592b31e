package io.jdock.registry.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServerAddressTest {
  @ParameterizedTest
  @CsvSource({
    "https://index.docker.io/v1/, index.docker.io",
    "http://localhost:5000, localhost:5000",
    "https://registry.example/v2/foo, registry.example",
    "registry.example:443, registry.example:443",
    "[::1]:5000/x, [::1]:5000",
  })
  void toHostnameStripsSchemeAndPath(String address, String host) {
    assertThat(ServerAddress.toHostname(address)).isEqualTo(host);
  }

  @ParameterizedTest
  @CsvSource({
    "docker.io, https://index.docker.io/v1/",
    "index.docker.io, https://index.docker.io/v1/",
    "registry-1.docker.io, https://index.docker.io/v1/",
    "localhost:5000, localhost:5000",
    "quay.io, quay.io",
  })
  void keyForNamesDockerHubByItsIndexUrl(String domain, String key) {
    assertThat(ServerAddress.keyFor(domain)).isEqualTo(key);
  }
}
