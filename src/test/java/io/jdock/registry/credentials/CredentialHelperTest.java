package io.jdock.registry.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialHelperTest {
  @TempDir Path dir;

  @Test
  void storeGetEraseSpeakTheHelperProtocol() throws Exception {
    FakeHelper.install(dir, "test");
    CredentialHelper helper = new CredentialHelper("test", CredentialHelper.onPath(List.of(dir)));

    assertThat(helper.get("registry.example:5000")).isEmpty();
    helper.store("registry.example:5000", Credentials.basic("alice", "pw"));
    assertThat(helper.get("registry.example:5000")).contains(Credentials.basic("alice", "pw"));

    helper.erase("registry.example:5000");
    assertThat(helper.get("registry.example:5000")).isEmpty();
  }

  @Test
  void identityTokensTravelUnderTheTokenUsername() throws Exception {
    FakeHelper.install(dir, "test");
    CredentialHelper helper = new CredentialHelper("test", CredentialHelper.onPath(List.of(dir)));

    helper.store(ServerAddress.INDEX_SERVER, Credentials.token("alice", "refresh-1"));

    Credentials back = helper.get(ServerAddress.INDEX_SERVER).orElseThrow();
    assertThat(back.identityToken()).contains("refresh-1");
    assertThat(back.password()).isEmpty();
  }

  @Test
  void missingHelperIsReportedAsDockerDoes() {
    CredentialHelper helper = new CredentialHelper("nope", CredentialHelper.onPath(List.of(dir)));

    assertThatThrownBy(() -> helper.get("x"))
        .isInstanceOf(IOException.class)
        .hasMessage(
            "error getting credentials - err: exec: \"docker-credential-nope\": executable file not found in $PATH, out: ``");
  }

  @Test
  void eraseOfUnknownServerFails() throws Exception {
    FakeHelper.install(dir, "test");
    CredentialHelper helper = new CredentialHelper("test", CredentialHelper.onPath(List.of(dir)));

    assertThatThrownBy(() -> helper.erase("nothing-here"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("credentials not found in native keychain");
  }
}
