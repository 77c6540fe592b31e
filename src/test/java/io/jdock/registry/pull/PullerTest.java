package io.jdock.registry.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.Digest;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.MediaType;
import io.jdock.oci.OciJson;
import io.jdock.oci.Platform;
import io.jdock.reference.ImageReference;
import io.jdock.registry.FakeRegistry;
import io.jdock.registry.RegistryConfig;
import io.jdock.registry.RegistryException;
import io.jdock.registry.TestImage;
import io.jdock.registry.TestRegistries;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PullerTest {
  private FakeRegistry reg;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final MemorySink sink = new MemorySink();
  private final List<PullEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    reg = new FakeRegistry();
  }

  @AfterEach
  void stop() {
    reg.close();
  }

  private PullResult pull(String name) throws Exception {
    return pull(name, TestRegistries.config(), Optional.empty(), false);
  }

  private PullResult pull(
      String name, RegistryConfig config, Optional<Platform> platform, boolean all)
      throws Exception {
    Puller puller = new Puller(TestRegistries.of(config, sleeps));
    PullRequest request = new PullRequest(ImageReference.parse(name), platform, all);
    return puller.pull(request, sink, LayerHandler.NONE, events::add);
  }

  /** The lines docker prints when stdout is not a terminal. */
  private List<String> plainLines() {
    List<String> lines = new ArrayList<>();
    for (PullEvent e : events) {
      if (!e.line().hasProgress()) {
        lines.add(e.line().id().map(id -> id + ": ").orElse("") + e.line().status());
      }
    }
    return lines;
  }

  private List<String> linesOf(String id) {
    return plainLines().stream()
        .filter(l -> l.startsWith(id + ": "))
        .map(l -> l.substring(14))
        .toList();
  }

  @Test
  void anonymousPullPrintsDockersLinesAndStoresEverything() throws Exception {
    TestImage image = TestImage.random(1, 2, 3000, "amd64");
    Digest digest = image.pushTo(reg, "foo", "latest");

    PullResult result = pull(reg.host() + "/foo");

    List<String> lines = plainLines();
    assertThat(lines.subList(0, 2))
        .containsExactly("Using default tag: latest", "latest: Pulling from foo");
    assertThat(lines.subList(lines.size() - 3, lines.size()))
        .containsExactly(
            "Digest: " + digest,
            "Status: Downloaded newer image for " + reg.host() + "/foo:latest",
            reg.host() + "/foo:latest");
    for (int i = 0; i < 2; i++) {
      assertThat(linesOf(image.layer(i).digest().shortHex()))
          .containsExactly(
              "Pulling fs layer", "Verifying Checksum", "Download complete", "Pull complete");
      assertThat(sink.blobs.get(image.layer(i).digest())).isEqualTo(image.layers().get(i));
    }
    assertThat(sink.blobs.get(image.configDescriptor().digest())).isEqualTo(image.config());
    assertThat(sink.blobs.get(digest)).isEqualTo(image.manifest());
    assertThat(result.images().get(0).registryDigest()).isEqualTo(digest);
    assertThat(result.canonicalReference()).isEqualTo(reg.host() + "/foo:latest");
  }

  @Test
  void secondPullIsUpToDateAndDownloadsNoBlob() throws Exception {
    TestImage image = TestImage.random(2, 2, 1000, "amd64");
    image.pushTo(reg, "foo", "1");
    pull(reg.host() + "/foo:1");
    int blobGets = reg.requests("GET", "/blobs/").size();
    events.clear();

    List<Integer> handed = new CopyOnWriteArrayList<>();
    new Puller(TestRegistries.of(TestRegistries.config(), sleeps))
        .pull(
            new PullRequest(ImageReference.parse(reg.host() + "/foo:1"), Optional.empty(), false),
            sink,
            (img, i, layer, live, progress) -> handed.add(i),
            events::add);

    assertThat(reg.requests("GET", "/blobs/")).hasSize(blobGets);
    assertThat(plainLines())
        .containsExactly(
            "1: Pulling from foo",
            "Digest: " + image.digest(),
            "Status: Image is up to date for " + reg.host() + "/foo:1",
            reg.host() + "/foo:1");
    assertThat(handed).as("layers still checked to be extracted").containsExactly(0, 1);
  }

  @Test
  void blobsOfAnUnrecordedImageAreReusedAsAlreadyExisting() throws Exception {
    TestImage image = TestImage.random(2, 2, 1000, "amd64");
    image.pushTo(reg, "foo", "1");
    pull(reg.host() + "/foo:1");
    int blobGets = reg.requests("GET", "/blobs/").size();
    sink.images.clear();
    sink.tags.clear();
    events.clear();

    pull(reg.host() + "/foo:1");

    assertThat(reg.requests("GET", "/blobs/")).hasSize(blobGets);
    assertThat(linesOf(image.layer(0).digest().shortHex())).containsExactly("Already exists");
    assertThat(plainLines())
        .contains("Status: Downloaded newer image for " + reg.host() + "/foo:1");
  }

  @Test
  void layersReachTheHandlerInOrderOnceStored() throws Exception {
    TestImage image = TestImage.random(3, 5, 20_000, "amd64");
    image.pushTo(reg, "foo", "latest");
    List<Integer> order = new CopyOnWriteArrayList<>();
    Puller puller = new Puller(TestRegistries.of(TestRegistries.config(), sleeps));

    puller.pull(
        new PullRequest(ImageReference.parse(reg.host() + "/foo"), Optional.empty(), false),
        sink,
        (img, i, layer, live, progress) -> {
          assertThat(live).as("the memory sink cannot show a blob while it downloads").isEmpty();
          assertThat(sink.has(layer.digest())).isTrue();
          assertThat(sink.has(img.config().digest())).isTrue();
          assertThat(img.layers().get(i)).isEqualTo(layer);
          progress.consumed(layer.size());
          order.add(i);
        },
        events::add);

    assertThat(order).containsExactly(0, 1, 2, 3, 4);
    assertThat(events)
        .anyMatch(
            e -> e instanceof PullEvent.Progress p && p.phase() == PullEvent.Phase.EXTRACTING);
  }

  @Test
  void downloadingLayersReachTheHandlerLiveAndStoredOnesAsStored() throws Exception {
    TestImage image = TestImage.random(5, 3, 20_000, "amd64");
    image.pushTo(reg, "foo", "latest");
    sink.blobs.put(image.layer(1).digest(), image.layers().get(1));
    sink.followable = true;
    List<String> handed = new CopyOnWriteArrayList<>();
    Puller puller = new Puller(TestRegistries.of(TestRegistries.config(), sleeps));

    puller.pull(
        new PullRequest(ImageReference.parse(reg.host() + "/foo"), Optional.empty(), false),
        sink,
        (img, i, layer, live, progress) -> {
          if (live.isPresent()) {
            byte[] bytes = live.get().stream().readAllBytes();
            assertThat(Digest.sha256(bytes)).isEqualTo(layer.digest());
            live.get().awaitStored();
            assertThat(sink.has(layer.digest())).isTrue();
            handed.add(i + " live");
          } else {
            assertThat(sink.has(layer.digest())).isTrue();
            handed.add(i + " stored");
          }
        },
        events::add);

    assertThat(handed).containsExactly("0 live", "1 stored", "2 live");
  }

  @Test
  void aFailedLiveExtractionOfAGoodDownloadIsRetriedFromTheStoredBlob() throws Exception {
    TestImage image = TestImage.random(6, 1, 20_000, "amd64");
    image.pushTo(reg, "foo", "latest");
    sink.followable = true;
    List<String> handed = new CopyOnWriteArrayList<>();

    new Puller(TestRegistries.of(TestRegistries.config(), sleeps))
        .pull(
            new PullRequest(ImageReference.parse(reg.host() + "/foo"), Optional.empty(), false),
            sink,
            (img, i, layer, live, progress) -> {
              handed.add(live.isPresent() ? "live" : "stored");
              if (live.isPresent()) {
                throw new java.io.IOException("the download started again");
              }
            },
            events::add);

    assertThat(handed).containsExactly("live", "stored");
    assertThat(plainLines())
        .contains("Status: Downloaded newer image for " + reg.host() + "/foo:latest");
  }

  @Test
  void aCorruptBlobReportsTheDigestFailureNotTheExtractionOne() throws Exception {
    TestImage image = TestImage.random(7, 1, 20_000, "amd64");
    image.pushTo(reg, "foo", "latest");
    byte[] corrupt = image.layers().get(0).clone();
    corrupt[100] ^= 1;
    reg.serveInstead(image.layer(0).digest(), corrupt);
    sink.followable = true;

    assertThatThrownBy(
            () ->
                new Puller(TestRegistries.of(TestRegistries.config(), sleeps))
                    .pull(
                        new PullRequest(
                            ImageReference.parse(reg.host() + "/foo"), Optional.empty(), false),
                        sink,
                        (img, i, layer, live, progress) -> {
                          if (live.isPresent()) {
                            live.get().stream().readAllBytes();
                          }
                          throw new java.io.IOException("gzip: invalid data");
                        },
                        events::add))
        .hasMessageStartingWith("filesystem layer verification failed for digest");
    assertThat(sink.blobs).doesNotContainKey(image.layer(0).digest());
  }

  @Test
  void moreLayersThanDownloadSlotsWait() throws Exception {
    TestImage image = TestImage.random(4, 3, 100, "amd64");
    image.pushTo(reg, "foo", "latest");

    pull(
        reg.host() + "/foo",
        TestRegistries.config().withMaxConcurrentDownloads(1),
        Optional.empty(),
        false);

    assertThat(linesOf(image.layer(0).digest().shortHex())).doesNotContain("Waiting");
    assertThat(linesOf(image.layer(1).digest().shortHex()))
        .startsWith("Pulling fs layer", "Waiting");
    assertThat(linesOf(image.layer(2).digest().shortHex()))
        .startsWith("Pulling fs layer", "Waiting");
  }

  @Test
  void blobDigestMismatchCommitsNothing() throws Exception {
    TestImage image = TestImage.random(5, 2, 500, "amd64");
    image.pushTo(reg, "foo", "latest");
    Digest bad = image.layer(1).digest();
    reg.serveInstead(bad, new byte[500 + 1]);

    assertThatThrownBy(() -> pull(reg.host() + "/foo"))
        .isInstanceOf(RegistryException.class)
        .hasMessage("filesystem layer verification failed for digest " + bad);

    assertThat(sink.blobs).doesNotContainKey(bad);
    assertThat(sink.partial).doesNotContainKey(bad);
    assertThat(sink.aborts).contains(bad);
    assertThat(sink.blobs).doesNotContainKey(image.digest());
    assertThat(sink.tags).isEmpty();
  }

  @Test
  void brokenDownloadResumesWithRange() throws Exception {
    TestImage image = TestImage.random(6, 1, 100_000, "amd64");
    image.pushTo(reg, "foo", "latest");
    Digest layer = image.layer(0).digest();
    reg.dropBlob(layer, 1);

    pull(reg.host() + "/foo");

    List<FakeRegistry.Request> gets = reg.requests("GET", "/blobs/" + layer);
    assertThat(gets).hasSize(2);
    assertThat(gets.get(0).header("Range")).isNull();
    assertThat(gets.get(1).header("Range")).matches("bytes=[1-9][0-9]*-");
    assertThat(sink.blobs.get(layer)).isEqualTo(image.layers().get(0));
  }

  @Test
  void resumeRestartsFromZeroWhenTheServerIgnoresRange() throws Exception {
    TestImage image = TestImage.random(7, 1, 100_000, "amd64");
    image.pushTo(reg, "foo", "latest");
    Digest layer = image.layer(0).digest();
    reg.ignoreRange().dropBlob(layer, 1);

    pull(reg.host() + "/foo");

    assertThat(reg.requests("GET", "/blobs/" + layer)).hasSize(2);
    assertThat(sink.blobs.get(layer)).isEqualTo(image.layers().get(0));
  }

  @Test
  void downloadThatKeepsBreakingFailsAfterBoundedAttempts() throws Exception {
    TestImage image = TestImage.random(8, 1, 100_000, "amd64");
    image.pushTo(reg, "foo", "latest");
    Digest layer = image.layer(0).digest();
    reg.ignoreRange().dropBlob(layer, 100);

    assertThatThrownBy(() -> pull(reg.host() + "/foo"))
        .isInstanceOf(RegistryException.class)
        .hasMessageContaining("downloading " + layer);
    assertThat(reg.requests("GET", "/blobs/" + layer).size()).isBetween(2, 8);
    assertThat(sink.blobs).doesNotContainKey(layer);
  }

  @Test
  void tooManyRequestsWaitsRetryAfterThenSucceeds() throws Exception {
    TestImage image = TestImage.random(9, 1, 100, "amd64");
    image.pushTo(reg, "foo", "latest");
    reg.failNext(
        "/manifests/",
        429,
        Map.of("Retry-After", "7", "Content-Type", "application/json"),
        "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"slow down\"}]}");

    pull(reg.host() + "/foo");

    assertThat(sleeps).contains(Duration.ofSeconds(7));
    assertThat(sink.tags).containsKey(reg.host() + "/foo:latest");
  }

  @Test
  void tooManyRequestsBeyondPatienceIsReportedWithDockersText() throws Exception {
    TestImage image = TestImage.random(10, 1, 100, "amd64");
    image.pushTo(reg, "foo", "latest");
    String message =
        "You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit";
    reg.failNext(
        "/manifests/",
        429,
        Map.of("Retry-After", "21600"),
        "{\"errors\":[{\"code\":\"TOOMANYREQUESTS\",\"message\":\"" + message + "\"}]}");

    assertThatThrownBy(() -> pull(reg.host() + "/foo"))
        .hasMessage("toomanyrequests: " + message)
        .satisfies(e -> assertThat(((RegistryException) e).status()).hasValue(429));
  }

  @Test
  void serverErrorsAreRetriedThenReported() throws Exception {
    TestImage image = TestImage.random(11, 1, 100, "amd64");
    image.pushTo(reg, "foo", "latest");
    for (int i = 0; i < 4; i++) {
      reg.failNext("/manifests/", 500, Map.of(), "");
    }

    assertThatThrownBy(() -> pull(reg.host() + "/foo"))
        .isInstanceOf(RegistryException.class)
        .hasMessage("received unexpected HTTP status: 500 Internal Server Error");
    assertThat(reg.requests("GET", "/manifests/")).hasSize(4);
    assertThat(sleeps)
        .containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void unknownTagAndRepositoryUseDockersWords() throws Exception {
    TestImage.random(12, 1, 100, "amd64").pushTo(reg, "foo", "latest");

    assertThatThrownBy(() -> pull(reg.host() + "/foo:nope"))
        .hasMessage(
            "manifest for "
                + reg.host()
                + "/foo:nope not found: manifest unknown: manifest unknown");
    assertThatThrownBy(() -> pull(reg.host() + "/bar"))
        .hasMessage(
            "repository "
                + reg.host()
                + "/bar not found: name unknown: repository name not known to registry");
  }

  @Test
  void insufficientScopeIsPullAccessDenied() throws Exception {
    reg.bearerAuth("u", "p", true);
    String challenge =
        "Bearer realm=\""
            + reg.uri()
            + "/token\",service=\"fake\",scope=\"repository:secret:pull\",error=\"insufficient_scope\"";
    reg.failNext("/manifests/", 401, Map.of("WWW-Authenticate", challenge), "");
    reg.failNext("/manifests/", 401, Map.of("WWW-Authenticate", challenge), "");

    assertThatThrownBy(() -> pull(reg.host() + "/secret"))
        .hasMessage(
            "pull access denied for "
                + reg.host()
                + "/secret, repository does not exist or may require 'docker login': denied: requested access to the resource is denied");
  }

  @Test
  void connectionRefusedNamesTheRegistryAsDockerDoes() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      port = s.getLocalPort();
    }
    assertThatThrownBy(() -> pull("127.0.0.1:" + port + "/foo"))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "Get \"http://127.0.0.1:"
                + port
                + "/v2/\": dial tcp 127.0.0.1:"
                + port
                + ": connect: connection refused");
    assertThat(sleeps).as("a refused connection is not retried").isEmpty();
  }

  @Test
  void mirrorsAreTriedInOrderThenTheRegistry() throws Exception {
    TestImage image = TestImage.random(13, 1, 100, "amd64");
    image.pushTo(reg, "foo", "latest");
    int downPort;
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      downPort = s.getLocalPort();
    }
    try (FakeRegistry emptyMirror = new FakeRegistry()) {
      RegistryConfig config =
          new RegistryConfig(
              List.of(),
              List.of(),
              Map.of(
                  reg.host(),
                  List.of(URI.create("http://127.0.0.1:" + downPort + "/"), emptyMirror.uri())),
              List.of(),
              3,
              5);

      pull(reg.host() + "/foo", config, Optional.empty(), false);

      assertThat(emptyMirror.requests("GET", "/v2/foo/manifests/latest")).hasSize(1);
      assertThat(reg.requests("GET", "/v2/foo/manifests/latest")).hasSize(1);
      assertThat(sink.tags).containsKey(reg.host() + "/foo:latest");
    }
  }

  @Test
  void mirrorServesTheImageWhenItHasIt() throws Exception {
    TestImage image = TestImage.random(14, 1, 100, "amd64");
    try (FakeRegistry mirror = new FakeRegistry()) {
      image.pushTo(mirror, "foo", "latest");
      RegistryConfig config =
          new RegistryConfig(
              List.of(), List.of(), Map.of(reg.host(), List.of(mirror.uri())), List.of(), 3, 5);

      pull(reg.host() + "/foo", config, Optional.empty(), false);

      assertThat(reg.log()).isEmpty();
      assertThat(sink.blobs).containsKey(image.layer(0).digest());
    }
  }

  @Test
  void indexSelectsThePlatformAndRecordsTheIndexDigest() throws Exception {
    TestImage amd = TestImage.random(15, 1, 100, "amd64");
    TestImage arm = TestImage.random(16, 1, 100, "arm64");
    amd.pushTo(reg, "multi", null);
    arm.pushTo(reg, "multi", null);
    byte[] index =
        TestImage.index(
            List.of(
                amd.descriptor(Platform.of("linux", "amd64", "")),
                TestImage.attestation(Digest.sha256(new byte[] {1}), amd.digest()),
                arm.descriptor(Platform.of("linux", "arm64", "v8"))));
    Digest indexDigest = reg.putManifest("multi", "latest", MediaType.OCI_INDEX.value(), index);

    PullResult r =
        pull(
            reg.host() + "/multi",
            TestRegistries.config(),
            Optional.of(Platform.parse("linux/arm64")),
            false);

    assertThat(r.images().get(0).registryDigest()).isEqualTo(indexDigest);
    assertThat(r.images().get(0).manifestDigest()).isEqualTo(arm.digest());
    assertThat(sink.blobs)
        .containsKey(arm.layer(0).digest())
        .doesNotContainKey(amd.layer(0).digest());
    assertThat(sink.blobs.get(indexDigest)).isEqualTo(index);
    assertThat(plainLines()).contains("Digest: " + indexDigest);
  }

  @Test
  void indexWithoutThePlatformIsRefused() throws Exception {
    TestImage amd = TestImage.random(17, 1, 100, "amd64");
    amd.pushTo(reg, "multi", null);
    byte[] index =
        TestImage.index(
            List.of(
                amd.descriptor(Platform.of("linux", "amd64", "")),
                TestImage.attestation(Digest.sha256(new byte[] {2}), amd.digest())));
    reg.putManifest("multi", "latest", MediaType.OCI_INDEX.value(), index);

    assertThatThrownBy(
            () ->
                pull(
                    reg.host() + "/multi",
                    TestRegistries.config(),
                    Optional.of(Platform.parse("linux/s390x")),
                    false))
        .hasMessage("no matching manifest for linux/s390x in the manifest list entries");
    assertThat(reg.requests("GET", "/blobs/")).isEmpty();
    assertThat(plainLines())
        .as("docker prints Pulling from before it chooses a platform")
        .containsExactly("Using default tag: latest", "latest: Pulling from multi");
  }

  @Test
  void pullByDigestNamesTheFullReference() throws Exception {
    TestImage image = TestImage.random(18, 1, 100, "amd64");
    Digest d = image.pushTo(reg, "foo", "latest");

    pull(reg.host() + "/foo@" + d);

    assertThat(plainLines())
        .startsWith(reg.host() + "/foo@" + d + ": Pulling from foo")
        .endsWith(
            "Status: Downloaded newer image for " + reg.host() + "/foo@" + d,
            reg.host() + "/foo@" + d);
  }

  @Test
  void allTagsPullsEveryTag() throws Exception {
    TestImage.random(19, 1, 100, "amd64").pushTo(reg, "foo", "a");
    TestImage.random(20, 1, 100, "amd64").pushTo(reg, "foo", "b");

    PullResult r = pull(reg.host() + "/foo", TestRegistries.config(), Optional.empty(), true);

    assertThat(r.images()).hasSize(2);
    assertThat(plainLines())
        .contains("a: Pulling from foo", "b: Pulling from foo")
        .endsWith("Status: Downloaded newer image for " + reg.host() + "/foo", reg.host() + "/foo");
    assertThat(sink.tags).containsKeys(reg.host() + "/foo:a", reg.host() + "/foo:b");
  }

  @Test
  void allTagsRefusesATag() {
    assertThatThrownBy(
            () -> pull(reg.host() + "/foo:1", TestRegistries.config(), Optional.empty(), true))
        .isInstanceOf(PullException.class)
        .hasMessage("tag can't be used with --all-tags/-a");
  }

  @Test
  void scratchIsRefusedAsDockersDaemonDoesAfterTheDefaultTag() {
    assertThatThrownBy(() -> pull("scratch"))
        .isInstanceOfSatisfying(PullException.class, e -> assertThat(e.fromDaemon()).isTrue())
        .hasMessage("'scratch' is a reserved name");
    assertThat(plainLines()).containsExactly("Using default tag: latest");
    assertThat(reg.requests("GET", "/")).isEmpty();
  }

  @Test
  void configDisagreeingWithTheLayersIsRefused() throws Exception {
    TestImage image = TestImage.random(21, 2, 100, "amd64");
    TestImage other = TestImage.random(22, 1, 100, "amd64");
    reg.putBlob("foo", image.layers().get(0));
    reg.putBlob("foo", image.layers().get(1));
    reg.putBlob("foo", other.config());
    byte[] manifest =
        OciJson.write(
            ImageManifest.oci(other.configDescriptor(), List.of(image.layer(0), image.layer(1))));
    reg.putManifest("foo", "latest", MediaType.OCI_MANIFEST.value(), manifest);

    assertThatThrownBy(() -> pull(reg.host() + "/foo"))
        .hasMessage("layers from manifest don't match image configuration");
    assertThat(sink.blobs).doesNotContainKey(other.configDescriptor().digest());
  }

  @Test
  void singlePlatformImageOfAnotherPlatformIsPulledWithDockersWarning() throws Exception {
    TestImage image = TestImage.random(23, 1, 100, "amd64");
    image.pushTo(reg, "foo", "latest");

    pull(
        reg.host() + "/foo",
        TestRegistries.config(),
        Optional.of(Platform.parse("linux/arm64")),
        false);

    List<String> lines = plainLines();
    assertThat(lines.subList(lines.size() - 3, lines.size()))
        .containsExactly(
            "Status: Downloaded newer image for " + reg.host() + "/foo:latest",
            "WARNING: image with reference "
                + reg.host()
                + "/foo:latest was found but does not match the specified platform: wanted linux/arm64, actual: linux/amd64",
            reg.host() + "/foo:latest");
    events.clear();
    pull(
        reg.host() + "/foo",
        TestRegistries.config(),
        Optional.of(Platform.parse("linux/arm64")),
        false);
    assertThat(plainLines())
        .as("warned again when the image is up to date, as docker's daemon checks after the pull")
        .contains("Status: Image is up to date for " + reg.host() + "/foo:latest")
        .anyMatch(l -> l.startsWith("WARNING: image with reference"));
    events.clear();
    pull(
        reg.host() + "/foo",
        TestRegistries.config(),
        Optional.of(Platform.parse("linux/amd64")),
        false);
    assertThat(plainLines()).noneMatch(l -> l.startsWith("WARNING"));
  }

  @Test
  void nestedIndexIsWalkedAndTheOuterDigestRecorded() throws Exception {
    TestImage arm = TestImage.random(24, 1, 100, "arm64");
    arm.pushTo(reg, "nested", null);
    byte[] inner = TestImage.index(List.of(arm.descriptor(Platform.of("linux", "arm64", ""))));
    Digest innerDigest = reg.putManifest("nested", null, MediaType.OCI_INDEX.value(), inner);
    byte[] outer =
        TestImage.index(
            List.of(
                io.jdock.oci.Descriptor.of(MediaType.OCI_INDEX, innerDigest, inner.length)
                    .withPlatform(Platform.of("linux", "arm64", ""))));
    Digest outerDigest = reg.putManifest("nested", "latest", MediaType.OCI_INDEX.value(), outer);

    PullResult r =
        pull(
            reg.host() + "/nested",
            TestRegistries.config(),
            Optional.of(Platform.parse("linux/arm64")),
            false);

    assertThat(r.images().get(0).registryDigest()).isEqualTo(outerDigest);
    assertThat(r.images().get(0).indexes()).hasSize(2);
    assertThat(r.images().get(0).manifestDigest()).isEqualTo(arm.digest());
    assertThat(sink.blobs).containsKeys(outerDigest, innerDigest, arm.digest());
  }
}
