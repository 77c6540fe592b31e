package io.jdock.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EndpointsTest {
  @TempDir Path certs;

  private Endpoints endpoints(
      List<URI> hubMirrors, List<String> insecure, Map<String, List<URI>> mirrors) {
    return new Endpoints(new RegistryConfig(hubMirrors, insecure, mirrors, List.of(certs), 3, 5));
  }

  private static List<String> bases(List<Endpoint> list) {
    return list.stream()
        .map(e -> e.base() + (e.mirror() ? " mirror" : "") + " " + e.tls())
        .toList();
  }

  @ParameterizedTest
  @CsvSource({
    "docker.io, https://registry-1.docker.io VERIFY",
    "quay.io, https://quay.io VERIFY",
    "localhost:5000, http://localhost:5000 VERIFY",
    "127.0.0.1:5000, http://127.0.0.1:5000 VERIFY",
    "127.8.9.1, http://127.8.9.1 VERIFY",
    "[::1]:5000, http://[::1]:5000 VERIFY",
    "128.0.0.1, https://128.0.0.1 VERIFY",
  })
  void registriesWithoutMirrors(String domain, String expected) {
    assertThat(bases(endpoints(List.of(), List.of(), Map.of()).forPull(domain)))
        .containsExactly(expected);
  }

  @Test
  void insecureRegistriesTryUnverifiedHttpsThenHttp() {
    Endpoints e = endpoints(List.of(), List.of("myreg:5000", "10.0.0.0/8"), Map.of());

    assertThat(bases(e.forPull("myreg:5000")))
        .containsExactly("https://myreg:5000 SKIP_VERIFY", "http://myreg:5000 VERIFY");
    assertThat(bases(e.forPull("10.1.2.3:80")))
        .containsExactly("https://10.1.2.3:80 SKIP_VERIFY", "http://10.1.2.3:80 VERIFY");
    assertThat(bases(e.forPull("11.1.2.3"))).containsExactly("https://11.1.2.3 VERIFY");
  }

  @Test
  void loopbackWithCertificatesTriesHttpsFirst() throws Exception {
    Files.createDirectories(certs.resolve("localhost:5443"));

    assertThat(bases(endpoints(List.of(), List.of(), Map.of()).forPull("localhost:5443")))
        .containsExactly("https://localhost:5443 VERIFY", "http://localhost:5443 VERIFY");
  }

  @Test
  void hubMirrorsComeFirstAndOnlyForDockerHub() {
    Endpoints e =
        endpoints(
            List.of(URI.create("https://m1.example/"), URI.create("http://m2.example:5000/")),
            List.of(),
            Map.of("quay.io", List.of(URI.create("https://quay-cache.example/"))));

    assertThat(bases(e.forPull("docker.io")))
        .containsExactly(
            "https://m1.example mirror VERIFY",
            "http://m2.example:5000 mirror VERIFY",
            "https://registry-1.docker.io VERIFY");
    assertThat(bases(e.forPull("quay.io")))
        .containsExactly("https://quay-cache.example mirror VERIFY", "https://quay.io VERIFY");
    assertThat(bases(e.forPull("ghcr.io"))).containsExactly("https://ghcr.io VERIFY");
    assertThat(bases(e.forRegistry("docker.io")))
        .containsExactly("https://registry-1.docker.io VERIFY");
  }
}
