package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.Digest;
import io.jdock.oci.MediaType;
import io.jdock.oci.Platform;
import io.jdock.reference.ImageReference;
import io.jdock.registry.FakeRegistry;
import io.jdock.registry.Registries;
import io.jdock.registry.TestImage;
import io.jdock.registry.TestRegistries;
import io.jdock.registry.pull.PullEvent;
import io.jdock.registry.pull.PullRequest;
import io.jdock.registry.pull.PullResult;
import io.jdock.store.Image;
import io.jdock.store.ImageStore;
import io.jdock.store.StorePaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePullerTest {
  @TempDir Path root;
  private FakeRegistry reg;
  private ImageStore store;
  private Registries registries;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final List<PullEvent> events = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws IOException {
    reg = new FakeRegistry();
    store = ImageStore.open(StorePaths.of(root));
    registries = TestRegistries.of(TestRegistries.config(), sleeps);
  }

  @AfterEach
  void stop() throws IOException {
    store.close();
    reg.close();
  }

  private PullResult pull(String name) throws Exception {
    return pull(name, Optional.empty());
  }

  private PullResult pull(String name, Optional<Platform> platform) throws Exception {
    PullRequest request = new PullRequest(ImageReference.parse(name), platform, false);
    return new ImagePuller(registries, store).pull(request, events::add);
  }

  private ImageReference ref(String s) throws Exception {
    return ImageReference.parse(reg.host() + "/" + s);
  }

  @Test
  void pulledImageIsRecordedWithTagAndRepoDigestAndItsLayersExtracted() throws Exception {
    TarImage image = TarImage.of("amd64", "base\n", "top\n");
    Digest digest = image.pushTo(reg, "foo", "latest");

    pull(reg.host() + "/foo");

    Image stored = store.image(image.id()).orElseThrow();
    assertThat(stored.repoTags()).containsExactly(ref("foo:latest"));
    assertThat(stored.repoDigests()).containsExactly(ref("foo@" + digest));
    assertThat(store.blobs().read(digest)).isEqualTo(image.manifest());
    for (int i = 0; i < 2; i++) {
      Path file = store.layers().rootfs(image.diffIds().get(i)).resolve("layer" + i + ".txt");
      assertThat(file).hasContent(i == 0 ? "base" : "top");
    }
    assertThat(lines())
        .containsSubsequence(
            "Using default tag: latest",
            "latest: Pulling from foo",
            image.layerDigest(0).shortHex() + ": Pull complete",
            image.layerDigest(1).shortHex() + ": Pull complete",
            "Digest: " + digest,
            "Status: Downloaded newer image for " + reg.host() + "/foo:latest",
            reg.host() + "/foo:latest");
    assertThat(events)
        .anyMatch(
            e -> e instanceof PullEvent.Progress p && p.phase() == PullEvent.Phase.EXTRACTING);
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void anIndexIsRecordedByItsDigestAndThePlatformIsChosen() throws Exception {
    TarImage amd = TarImage.of("amd64", "amd\n");
    TarImage arm = TarImage.of("arm64", "arm\n");
    amd.pushTo(reg, "multi", null);
    arm.pushTo(reg, "multi", null);
    byte[] index =
        TestImage.index(
            List.of(
                amd.descriptor(Platform.of("linux", "amd64", "")),
                arm.descriptor(Platform.of("linux", "arm64", "v8"))));
    Digest indexDigest = reg.putManifest("multi", "1", MediaType.OCI_INDEX.value(), index);

    pull(reg.host() + "/multi:1", Optional.of(Platform.parse("linux/arm64")));

    Image stored = store.image(arm.id()).orElseThrow();
    assertThat(stored.repoDigests()).containsExactly(ref("multi@" + indexDigest));
    assertThat(stored.manifestDescriptor().digest()).isEqualTo(arm.digest());
    assertThat(store.image(amd.id())).isEmpty();
    assertThat(lines()).contains("Digest: " + indexDigest);
  }

  @Test
  void aCorruptBlobFailsThePullAndNothingOfItIsStored() throws Exception {
    TarImage image = TarImage.of("amd64", "content\n");
    image.pushTo(reg, "foo", "latest");
    byte[] corrupt = image.layers().get(0).clone();
    corrupt[corrupt.length / 2] ^= 0x55;
    reg.serveInstead(image.layerDigest(0), corrupt);

    assertThatThrownBy(() -> pull(reg.host() + "/foo"))
        .hasMessageStartingWith(
            "filesystem layer verification failed for digest " + image.layerDigest(0));

    assertThat(store.images()).isEmpty();
    assertThat(store.blobs().has(image.layerDigest(0))).isFalse();
    assertThat(store.layers().has(image.diffIds().get(0))).isFalse();
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void aLayerThatIsNotWhatTheConfigSaysIsRefusedAndNoImageRecorded() throws Exception {
    TarImage image = TarImage.of("amd64", "real content\n").withWrongFirstDiffId();
    image.pushTo(reg, "liar", "latest");

    assertThatThrownBy(() -> pull(reg.host() + "/liar"))
        .isInstanceOf(IOException.class)
        .hasMessage("layers from manifest don't match image configuration");

    assertThat(store.images()).isEmpty();
    assertThat(store.layers().has(image.diffIds().get(0))).isFalse();
    assertThat(Files.list(store.paths().layersDir())).isEmpty();
    assertThat(tempFiles()).isEmpty();
  }

  @Test
  void aBrokenDownloadIsResumedWithARangeRequest() throws Exception {
    TarImage image = TarImage.of("amd64", "x".repeat(100_000));
    image.pushTo(reg, "foo", "latest");
    reg.dropBlob(image.layerDigest(0), 1);

    pull(reg.host() + "/foo");

    List<FakeRegistry.Request> gets = reg.requests("GET", "/blobs/" + image.layerDigest(0));
    assertThat(gets).hasSize(2);
    assertThat(gets.get(1).header("Range")).matches("bytes=[1-9][0-9]*-");
    assertThat(store.image(image.id())).isPresent();
  }

  @Test
  void aFailedPullKeepsVerifiedBlobsThatTheNextPullReuses() throws Exception {
    TarImage image = TarImage.of("amd64", "kept\n", "failed once\n");
    image.pushTo(reg, "foo", "latest");
    reg.failNext(image.layerDigest(1).toString(), 404, Map.of(), "");

    assertThatThrownBy(() -> pull(reg.host() + "/foo")).isInstanceOf(IOException.class);
    assertThat(store.images()).isEmpty();
    assertThat(store.blobs().has(image.layerDigest(0))).isTrue();
    assertThat(store.blobs().has(image.layerDigest(1))).isFalse();
    events.clear();

    pull(reg.host() + "/foo");

    assertThat(lines())
        .contains(
            image.layerDigest(0).shortHex() + ": Already exists",
            image.layerDigest(1).shortHex() + ": Pull complete");
    assertThat(reg.requests("GET", "/blobs/" + image.layerDigest(0))).hasSize(1);
    assertThat(store.image(image.id())).isPresent();
  }

  @Test
  void aSecondPullIsUpToDateAndDownloadsNothing() throws Exception {
    TarImage image = TarImage.of("amd64", "same\n");
    Digest digest = image.pushTo(reg, "foo", "1");
    pull(reg.host() + "/foo:1");
    int blobGets = reg.requests("GET", "/blobs/").size();
    events.clear();

    PullResult again = pull(reg.host() + "/foo:1");

    assertThat(again.changed()).isFalse();
    assertThat(reg.requests("GET", "/blobs/")).hasSize(blobGets);
    assertThat(lines())
        .containsExactly(
            "1: Pulling from foo",
            "Digest: " + digest,
            "Status: Image is up to date for " + reg.host() + "/foo:1",
            reg.host() + "/foo:1");
  }

  @Test
  void aMovedTagIsANewerImage() throws Exception {
    TarImage first = TarImage.of("amd64", "one\n");
    TarImage second = TarImage.of("amd64", "two\n");
    first.pushTo(reg, "foo", "latest");
    pull(reg.host() + "/foo");
    second.pushTo(reg, "foo", "latest");

    assertThat(pull(reg.host() + "/foo").changed()).isTrue();

    assertThat(store.image(second.id()).orElseThrow().repoTags())
        .containsExactly(ref("foo:latest"));
    assertThat(store.image(first.id()).orElseThrow().repoTags()).isEmpty();
  }

  @Test
  void concurrentPullsOfOneImageBothSucceed() throws Exception {
    TarImage image = TarImage.of("amd64", "a".repeat(50_000), "b".repeat(50_000));
    Digest digest = image.pushTo(reg, "foo", "latest");
    ExecutorService pool = Executors.newFixedThreadPool(2);
    List<Future<PullResult>> results = new ArrayList<>();
    List<ImageStore> stores = List.of(store, ImageStore.open(StorePaths.of(root)));
    try {
      for (ImageStore s : stores) {
        PullRequest request =
            new PullRequest(ImageReference.parse(reg.host() + "/foo"), Optional.empty(), false);
        results.add(pool.submit(() -> new ImagePuller(registries, s).pull(request, e -> {})));
      }
      for (Future<PullResult> f : results) {
        assertThat(f.get().images().get(0).registryDigest()).isEqualTo(digest);
      }
    } finally {
      pool.shutdownNow();
      stores.get(1).close();
    }

    assertThat(store.images()).hasSize(1);
    Image stored = store.image(image.id()).orElseThrow();
    assertThat(stored.repoTags()).containsExactly(ref("foo:latest"));
    assertThat(stored.repoDigests()).containsExactly(ref("foo@" + digest));
    for (int i = 0; i < 2; i++) {
      assertThat(store.blobs().read(image.layerDigest(i))).isEqualTo(image.layers().get(i));
      assertThat(store.layers().has(image.diffIds().get(i))).isTrue();
    }
    assertThat(tempFiles()).isEmpty();
  }

  /** The lines docker prints when stdout is not a terminal. */
  private List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (PullEvent e : events) {
      if (!e.line().hasProgress()) {
        lines.add(e.line().id().map(id -> id + ": ").orElse("") + e.line().status());
      }
    }
    return lines;
  }

  private List<Path> tempFiles() throws IOException {
    try (Stream<Path> files = Files.walk(store.paths().tmpDir())) {
      return files
          .filter(p -> !p.equals(store.paths().tmpDir()))
          .filter(p -> !p.toString().endsWith(".lock"))
          .filter(p -> !p.getParent().equals(store.paths().tmpDir()))
          .toList();
    }
  }
}
