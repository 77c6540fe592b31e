package io.jdock.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.Descriptor;
import io.jdock.registry.credentials.Credentials;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistryTransportTest {
  private FakeRegistry reg;
  private final List<Duration> sleeps = new ArrayList<>();
  private final MutableClock clock = new MutableClock();
  private TestImage image;

  @BeforeEach
  void start() throws Exception {
    reg = new FakeRegistry();
    image = TestImage.random(1, 1, 1000, "amd64");
    image.pushTo(reg, "foo", "latest");
  }

  @AfterEach
  void stop() {
    reg.close();
  }

  private RegistryClient client(Optional<Credentials> creds) throws Exception {
    Registries r =
        TestRegistries.of(
            TestRegistries.config(),
            key -> key.equals(reg.host()) ? creds : Optional.empty(),
            sleeps,
            clock);
    return r.client(new Endpoint(reg.uri(), false, Endpoint.Tls.VERIFY), "foo");
  }

  @Test
  void anonymousBearerTokenHasTheRepositoryScopeAndIsReused() throws Exception {
    reg.bearerAuth("u", "p", true);
    RegistryClient c = client(Optional.empty());

    c.manifest("latest", "foo:latest");
    c.tags();
    c.blobBytes(image.configDescriptor(), 1 << 20);

    assertThat(reg.tokensIssued()).isEqualTo(1);
    assertThat(reg.tokenScopes()).containsExactly("repository:foo:pull");
    assertThat(reg.requests("GET", "/token").get(0).header("Authorization")).isNull();
    assertThat(reg.requests("GET", "/v2/foo/tags/list").get(0).header("Authorization"))
        .isEqualTo("Bearer tok-1");
  }

  @Test
  void expiredTokenIsFetchedAgain() throws Exception {
    reg.bearerAuth("u", "p", true).tokenExpiresIn(10);
    RegistryClient c = client(Optional.empty());

    c.tags();
    clock.advance(Duration.ofSeconds(59));
    c.tags();
    assertThat(reg.tokensIssued()).as("expires_in below 60 counts as 60").isEqualTo(1);
    clock.advance(Duration.ofSeconds(2));
    c.tags();

    assertThat(reg.tokensIssued()).isEqualTo(2);
  }

  @Test
  void credentialsGoToTheTokenServerAsBasic() throws Exception {
    reg.bearerAuth("alice", "s3cret", false);
    RegistryClient c = client(Optional.of(Credentials.basic("alice", "s3cret")));

    assertThat(c.tags()).containsExactly("latest");

    assertThat(reg.requests("GET", "/token").get(0).header("Authorization"))
        .isEqualTo(TokenClient.basic("alice", "s3cret"));
  }

  @Test
  void badCredentialsAreReportedLikeDocker() throws Exception {
    reg.bearerAuth("alice", "s3cret", false);
    RegistryClient c = client(Optional.of(Credentials.basic("alice", "wrong")));

    assertThatThrownBy(() -> c.manifest("latest", "foo:latest"))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "Get \""
                + reg.uri()
                + "/v2/foo/manifests/latest\": unauthorized: incorrect username or password")
        .satisfies(e -> assertThat(((RegistryException) e).status()).hasValue(401));
  }

  @Test
  void identityTokenIsExchangedWithARefreshGrant() throws Exception {
    reg.bearerAuth("alice", "s3cret", false);
    RegistryClient c = client(Optional.of(Credentials.token("alice", "refresh-alice")));

    assertThat(c.tags()).containsExactly("latest");

    assertThat(reg.requests("POST", "/token")).hasSize(1);
    assertThat(reg.requests("GET", "/token")).isEmpty();
  }

  @Test
  void basicChallengeGetsBasicOnEveryRequest() throws Exception {
    reg.basicAuth("bob", "pw");
    RegistryClient c = client(Optional.of(Credentials.basic("bob", "pw")));

    c.manifest("latest", "foo:latest");
    c.tags();

    String basic = TokenClient.basic("bob", "pw");
    assertThat(reg.requests("GET", "/v2/foo/tags/list").get(0).header("Authorization"))
        .isEqualTo(basic);
    assertThat(reg.requests("GET", "/v2/foo/manifests/latest").get(0).header("Authorization"))
        .isEqualTo(basic);
  }

  @Test
  void basicChallengeWithoutCredentialsIsDockersNoBasicAuthCredentials() throws Exception {
    reg.basicAuth("bob", "pw");
    RegistryClient c = client(Optional.empty());

    assertThatThrownBy(c::tags)
        .isInstanceOf(RegistryException.class)
        .hasMessage("Get \"" + reg.uri() + "/v2/foo/tags/list\": no basic auth credentials")
        .satisfies(
            e -> assertThat(((RegistryException) e).hasCode(ErrorEntry.UNAUTHORIZED)).isTrue());
  }

  @Test
  void blobRedirectToAnotherHostCarriesNoAuthorization() throws Exception {
    reg.bearerAuth("alice", "s3cret", false);
    try (FakeRegistry cdn = new FakeRegistry()) {
      image.pushTo(cdn, "foo", null);
      reg.redirectBlobsTo(cdn.uri());
      RegistryClient c = client(Optional.of(Credentials.basic("alice", "s3cret")));
      Descriptor config = image.configDescriptor();

      assertThat(c.blobBytes(config, 1 << 20)).isEqualTo(image.config());

      assertThat(reg.requests("GET", "/blobs/" + config.digest()).get(0).header("Authorization"))
          .startsWith("Bearer ");
      List<FakeRegistry.Request> atCdn = cdn.requests("GET", "/blobs/" + config.digest());
      assertThat(atCdn).hasSize(1);
      assertThat(atCdn.get(0).header("Authorization")).isNull();
    }
  }

  @Test
  void headManifestGivesTheDescriptorWithoutABody() throws Exception {
    RegistryClient c = client(Optional.empty());

    Optional<Descriptor> d = c.headManifest("latest");

    assertThat(d).isPresent();
    assertThat(d.get().digest()).isEqualTo(image.digest());
    assertThat(d.get().size()).isEqualTo(image.manifest().length);
    assertThat(c.headManifest("nope")).isEmpty();
  }

  @Test
  void wrongDockerContentDigestIsRefused() throws Exception {
    reg.wrongManifestDigest("sha256:" + "0".repeat(64));
    RegistryClient c = client(Optional.empty());

    assertThatThrownBy(() -> c.manifest("latest", "foo:latest"))
        .hasMessage("manifest verification failed for digest sha256:" + "0".repeat(64));
  }

  @Test
  void retryAfterAsHttpDateIsUnderstood() {
    var headers =
        java.net.http.HttpHeaders.of(
            java.util.Map.of("Retry-After", List.of("Wed, 21 Oct 2015 07:28:00 GMT")),
            (a, b) -> true);
    assertThat(RegistryTransport.retryAfter(headers)).hasValue(Duration.ZERO);
  }
}
