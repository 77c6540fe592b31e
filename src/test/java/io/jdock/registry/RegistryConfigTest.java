package io.jdock.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RegistryConfigTest {
  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "mirror.example|invalid mirror: no scheme specified for \"mirror.example\": must use either 'https://' or 'http://'",
        "ftp://mirror.example|invalid mirror: unsupported scheme \"ftp\" in \"ftp://mirror.example\"",
        "https://mirror.example/?x=1|invalid mirror: query or fragment at end of the URI \"https://mirror.example/?x=1\"",
        "https://mirror.example/#f|invalid mirror: query or fragment at end of the URI \"https://mirror.example/#f\"",
        "https://me:secret@mirror.example|invalid mirror: username/password not allowed in URI \"https://me:xxxxx@mirror.example\"",
      })
  void invalidMirrorsAreRefusedWithDockersMessages(String mirror, String message) {
    assertThatThrownBy(() -> RegistryConfig.validateMirror(mirror))
        .isInstanceOf(RegistryConfigException.class)
        .hasMessage(message);
  }

  @ParameterizedTest
  @CsvSource({
    "https://mirror.example, https://mirror.example/",
    "http://10.0.0.1:5000///, http://10.0.0.1:5000/",
    "https://mirror.example/path/, https://mirror.example/path/",
  })
  void validMirrorsGetOneTrailingSlash(String mirror, String normalised) throws Exception {
    assertThat(RegistryConfig.validateMirror(mirror)).isEqualTo(URI.create(normalised));
  }

  @Test
  void loadsDaemonJsonKeysAndPerRegistryMirrors() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(
        file,
        "{\"registry-mirrors\":[\"https://hub-mirror.example\"],\"insecure-registries\":[\"10.0.0.0/8\",\"myreg:5000\"],"
            + "\"mirrors\":{\"quay.io\":[\"http://quay-cache.local:5000\"]},\"max-concurrent-downloads\":6,\"unknown\":1}");

    RegistryConfig c = RegistryConfig.load(file);

    assertThat(c.registryMirrors()).containsExactly(URI.create("https://hub-mirror.example/"));
    assertThat(c.insecureRegistries()).containsExactly("10.0.0.0/8", "myreg:5000");
    assertThat(c.mirrors())
        .isEqualTo(Map.of("quay.io", List.of(URI.create("http://quay-cache.local:5000/"))));
    assertThat(c.maxConcurrentDownloads()).isEqualTo(6);
    assertThat(c.certsDirs())
        .containsExactly(Path.of("/etc/docker/certs.d"), dir.resolve("certs.d"));
  }

  @Test
  void badMirrorInTheFileIsAnError() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"registry-mirrors\":[\"mirror.example\"]}");

    assertThatThrownBy(() -> RegistryConfig.load(file))
        .hasMessageStartingWith("invalid mirror: no scheme specified");
  }

  @Test
  void missingFileGivesDefaults() throws Exception {
    RegistryConfig c = RegistryConfig.load(dir.resolve("none.json"));

    assertThat(c.registryMirrors()).isEmpty();
    assertThat(c.maxConcurrentDownloads()).isEqualTo(3);
  }

  @Test
  void defaultPathIsJdockConfigThenXdg() {
    assertThat(RegistryConfig.defaultPath(Map.of("JDOCK_CONFIG", "/a/b.json")))
        .isEqualTo(Path.of("/a/b.json"));
    assertThat(RegistryConfig.defaultPath(Map.of("XDG_CONFIG_HOME", "/x")))
        .isEqualTo(Path.of("/x/jdock/config.json"));
  }
}
