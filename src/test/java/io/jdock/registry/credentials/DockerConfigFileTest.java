package io.jdock.registry.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigFileTest {
  @TempDir Path dir;

  @Test
  void newFileIsWrittenInDockersFormatAndMode() throws Exception {
    Path file = dir.resolve("docker/config.json");
    DockerConfigFile config = DockerConfigFile.load(file);

    config.putAuth(ServerAddress.INDEX_SERVER, Credentials.basic("user", "pass"));
    config.save();

    assertThat(Files.readString(file))
        .isEqualTo(
            "{\n\t\"auths\": {\n\t\t\"https://index.docker.io/v1/\": {\n\t\t\t\"auth\": \"dXNlcjpwYXNz\"\n\t\t}\n\t}\n}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
        .isEqualTo("rwx------");
    try (var s = Files.list(file.getParent())) {
      assertThat(s).containsExactly(file);
    }
  }

  @Test
  void roundTripKeepsOtherKeysAndTheFileMode() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(
        file,
        "{\"psFormat\":\"table {{.ID}}\",\"credHelpers\":{\"gcr.io\":\"gcloud\"},\"auths\":{\"old.example\":{}}}");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

    DockerConfigFile config = DockerConfigFile.load(file);
    config.putAuth("localhost:5000", Credentials.basic("a", "b:c"));
    config.save();

    DockerConfigFile again = DockerConfigFile.load(file);
    assertThat(again.auth("localhost:5000")).contains(Credentials.basic("a", "b:c"));
    assertThat(again.credHelpers()).isEqualTo(Map.of("gcr.io", "gcloud"));
    assertThat(Files.readString(file))
        .contains("\"psFormat\": \"table {{.ID}}\"")
        .contains("\"old.example\": {}");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-r--r--");
  }

  @Test
  void entriesAreFoundByHostnameWhateverTheirKeyForm() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(
        file, "{\"auths\":{\"https://registry.example:5000/v2/\":{\"auth\":\"dTpw\"}}}");

    DockerConfigFile config = DockerConfigFile.load(file);

    assertThat(config.auth("registry.example:5000")).contains(Credentials.basic("u", "p"));
    assertThat(config.auth("other.example")).isEmpty();
  }

  @Test
  void identityTokenIsKeptBesideTheUsername() throws Exception {
    Path file = dir.resolve("config.json");
    DockerConfigFile config = DockerConfigFile.load(file);

    config.putAuth("r.example", Credentials.token("alice", "refresh-xyz"));
    config.save();

    assertThat(Files.readString(file))
        .contains("\"auth\": \"YWxpY2U6\"")
        .contains("\"identitytoken\": \"refresh-xyz\"");
    Credentials back = DockerConfigFile.load(file).auth("r.example").orElseThrow();
    assertThat(back.username()).isEqualTo("alice");
    assertThat(back.identityToken()).contains("refresh-xyz");
  }

  @Test
  void removeAuthDropsTheEntry() throws Exception {
    Path file = dir.resolve("config.json");
    DockerConfigFile config = DockerConfigFile.load(file);
    config.putAuth("r.example", Credentials.basic("u", "p"));

    assertThat(config.removeAuth("r.example")).isTrue();
    assertThat(config.removeAuth("r.example")).isFalse();
    assertThat(config.auth("r.example")).isEmpty();
  }

  @Test
  void corruptFilesAreErrors() throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, "{\"auths\":{\"r.example\":{\"auth\":\"%%%\"}}}");
    assertThatThrownBy(() -> DockerConfigFile.load(file).auth("r.example"))
        .isInstanceOf(IOException.class);

    Files.writeString(file, "{not json");
    assertThatThrownBy(() -> DockerConfigFile.load(file)).isInstanceOf(IOException.class);
  }

  @Test
  void defaultPathFollowsDockerConfig() {
    assertThat(DockerConfigFile.defaultPath(Map.of("DOCKER_CONFIG", "/x/y")))
        .isEqualTo(Path.of("/x/y/config.json"));
    assertThat(DockerConfigFile.defaultPath(Map.of()))
        .isEqualTo(Path.of(System.getProperty("user.home"), ".docker", "config.json"));
  }
}
