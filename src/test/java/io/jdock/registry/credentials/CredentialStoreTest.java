package io.jdock.registry.credentials;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {
  @TempDir Path dir;
  private CredentialHelper.Launcher launcher;

  @BeforeEach
  void helpers() throws Exception {
    FakeHelper.install(dir, "desktop");
    FakeHelper.install(dir, "special");
    launcher = CredentialHelper.onPath(List.of(dir));
  }

  private CredentialStore store(String json) throws Exception {
    Path file = dir.resolve("config.json");
    Files.writeString(file, json);
    return CredentialStore.load(file, launcher);
  }

  @Test
  void orderIsCredHelpersThenCredsStoreThenAuths() throws Exception {
    CredentialStore s =
        store(
            "{\"credsStore\":\"desktop\",\"credHelpers\":{\"special.example\":\"special\"},"
                + "\"auths\":{\"special.example\":{\"auth\":\"aW5saW5lOnB3\"},\"plain.example\":{\"auth\":\"aW5saW5lOnB3\"}}}");
    new CredentialHelper("special", launcher)
        .store("special.example", Credentials.basic("fromspecial", "1"));
    new CredentialHelper("desktop", launcher)
        .store("special.example", Credentials.basic("fromdesktop", "2"));

    assertThat(s.get("special.example")).contains(Credentials.basic("fromspecial", "1"));
    assertThat(s.get("plain.example"))
        .as("nothing in the credsStore: the inline entry")
        .contains(Credentials.basic("inline", "pw"));
    assertThat(s.helperFor("plain.example").map(CredentialHelper::name)).contains("desktop");
  }

  @Test
  void storeGoesToTheHelperAndLeavesAnEmptyEntry() throws Exception {
    CredentialStore s = store("{\"credsStore\":\"desktop\"}");

    assertThat(s.store("r.example", Credentials.basic("u", "p"))).isPresent();

    assertThat(new CredentialHelper("desktop", launcher).get("r.example"))
        .contains(Credentials.basic("u", "p"));
    assertThat(Files.readString(dir.resolve("config.json")))
        .contains("\"r.example\": {}")
        .doesNotContain("auth\":");
  }

  @Test
  void withoutHelpersCredentialsAreInline() throws Exception {
    CredentialStore s = store("{}");

    assertThat(s.store("r.example", Credentials.basic("u", "p"))).isEmpty();
    assertThat(CredentialStore.load(dir.resolve("config.json"), launcher).get("r.example"))
        .contains(Credentials.basic("u", "p"));
    assertThat(s.forDomain("docker.io")).isEmpty();
  }

  @Test
  void eraseRemovesFromHelperAndFile() throws Exception {
    CredentialStore s = store("{\"credsStore\":\"desktop\"}");
    s.store("r.example", Credentials.basic("u", "p"));

    assertThat(s.erase("r.example")).isTrue();

    assertThat(s.get("r.example")).isEmpty();
    assertThat(Files.readString(dir.resolve("config.json"))).doesNotContain("r.example");
  }
}
