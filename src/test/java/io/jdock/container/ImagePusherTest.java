package io.jdock.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;
import io.jdock.registry.FakeRegistry;
import io.jdock.registry.Registries;
import io.jdock.registry.TestRegistries;
import io.jdock.registry.pull.PullRequest;
import io.jdock.registry.push.PushEvent;
import io.jdock.registry.push.PushResult;
import io.jdock.store.Image;
import io.jdock.store.ImageStore;
import io.jdock.store.NoSuchImageException;
import io.jdock.store.StorePaths;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePusherTest {
  @TempDir Path root;
  private FakeRegistry reg;
  private ImageStore store;
  private Registries registries;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private final List<PushEvent> events = new CopyOnWriteArrayList<>();

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

  private ImageReference ref(String s) throws Exception {
    return ImageReference.parse(reg.host() + "/" + s);
  }

  private Image pulled(TarImage image) throws Exception {
    image.pushTo(reg, "src", "latest");
    new ImagePuller(registries, store)
        .pull(new PullRequest(ref("src"), Optional.empty(), false), e -> {});
    return store.image(image.id()).orElseThrow();
  }

  @Test
  void theStoredManifestIsPushedAsItIsAndRecordedAsARepoDigest() throws Exception {
    TarImage image = TarImage.of("amd64", "one\n", "two\n");
    Image stored = pulled(image);
    store.tag(stored, ref("dst:v1"));

    PushResult result = new ImagePusher(registries, store).push(ref("dst:v1"), events::add);

    assertThat(result.digest()).isEqualTo(image.digest());
    assertThat(reg.manifest("dst", "v1")).isEqualTo(image.manifest());
    for (int i = 0; i < 2; i++) {
      assertThat(reg.hasBlob("dst", image.layerDigest(i))).isTrue();
    }
    assertThat(store.image(image.id()).orElseThrow().repoDigests())
        .contains(ref("dst@" + image.digest()), ref("src@" + image.digest()));
    assertThat(lines())
        .startsWith("The push refers to repository [" + reg.host() + "/dst]")
        .contains(image.layerDigest(0).shortHex() + ": Mounted from src")
        .endsWith("v1: digest: " + image.digest() + " size: " + image.manifest().length);
  }

  @Test
  void aMissingTagFailsWithDockersWordsAfterItsFirstLines() throws Exception {
    pulled(TarImage.of("amd64", "x\n"));

    assertThatThrownBy(() -> new ImagePusher(registries, store).push(ref("nope"), events::add))
        .isInstanceOf(NoSuchImageException.class)
        .hasMessage("An image does not exist locally with the tag: " + reg.host() + "/nope");

    assertThat(lines())
        .containsExactly(
            "Using default tag: latest", "The push refers to repository [" + reg.host() + "/nope]");
    assertThat(reg.requests("PUT", "/")).isEmpty();
  }

  @Test
  void pushedThenPulledBackByDigestIsTheSameImage() throws Exception {
    TarImage image = TarImage.of("amd64", "round trip\n");
    Image stored = pulled(image);
    store.tag(stored, ref("copy:1"));
    Digest pushed = new ImagePusher(registries, store).push(ref("copy:1"), events::add).digest();

    try (ImageStore other = ImageStore.open(StorePaths.of(root.resolve("other")))) {
      new ImagePuller(registries, other)
          .pull(new PullRequest(ref("copy@" + pushed), Optional.empty(), false), e -> {});
      Image back = other.images().get(0);
      assertThat(back.id()).isEqualTo(image.id());
      assertThat(back.repoDigests()).containsExactly(ref("copy@" + pushed));
      assertThat(back.repoTags()).isEmpty();
    }
  }

  private List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (PushEvent e : events) {
      if (!e.line().hasProgress()) {
        lines.add(e.line().id().map(id -> id + ": ").orElse("") + e.line().status());
      }
    }
    return lines;
  }
}
