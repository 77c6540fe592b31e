package io.jdock.registry.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.Digest;
import io.jdock.oci.MediaType;
import io.jdock.oci.Platform;
import io.jdock.reference.ImageReference;
import io.jdock.registry.FakeRegistry;
import io.jdock.registry.RegistryException;
import io.jdock.registry.TestImage;
import io.jdock.registry.TestRegistries;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PusherTest {
  private FakeRegistry reg;
  private final List<PushEvent> events = new CopyOnWriteArrayList<>();
  private final List<Duration> sleeps = new ArrayList<>();
  private final Map<Digest, byte[]> blobs = new HashMap<>();
  private final Map<Digest, List<String>> known = new HashMap<>();

  private final BlobSource source =
      new BlobSource() {
        @Override
        public InputStream open(Digest digest) throws IOException {
          byte[] b = blobs.get(digest);
          if (b == null) {
            throw new IOException("no blob " + digest);
          }
          return new ByteArrayInputStream(b);
        }

        @Override
        public List<String> knownRepositories(Digest digest, String domain) {
          return domain.equals(reg.host()) ? known.getOrDefault(digest, List.of()) : List.of();
        }
      };

  @BeforeEach
  void start() throws Exception {
    reg = new FakeRegistry();
  }

  @AfterEach
  void stop() {
    reg.close();
  }

  private void hold(TestImage image) {
    blobs.put(image.digest(), image.manifest());
    blobs.put(image.configDescriptor().digest(), image.config());
    image.layers().forEach(l -> blobs.put(Digest.sha256(l), l));
  }

  private PushResult push(TestImage image, String name, long chunk) throws Exception {
    hold(image);
    Pusher pusher = new Pusher(TestRegistries.of(TestRegistries.config(), sleeps), chunk);
    return pusher.push(
        new PushRequest(ImageReference.parse(name), MediaType.OCI_MANIFEST, image.digest()),
        source,
        events::add);
  }

  private List<String> plainLines() {
    List<String> lines = new ArrayList<>();
    for (PushEvent e : events) {
      if (!e.line().hasProgress()) {
        lines.add(e.line().id().map(id -> id + ": ").orElse("") + e.line().status());
      }
    }
    return lines;
  }

  @Test
  void newImageIsUploadedWholeAndReportedLikeDocker() throws Exception {
    TestImage image = TestImage.random(1, 2, 2000, "amd64");

    PushResult r = push(image, reg.host() + "/bar:v1", Pusher.DEFAULT_CHUNK);

    String top = image.layer(1).digest().shortHex();
    String base = image.layer(0).digest().shortHex();
    assertThat(plainLines())
        .startsWith(
            "The push refers to repository [" + reg.host() + "/bar]",
            top + ": Preparing",
            base + ": Preparing")
        .contains(top + ": Pushed", base + ": Pushed")
        .endsWith("v1: digest: " + image.digest() + " size: " + image.manifest().length);
    assertThat(r.digest()).isEqualTo(image.digest());
    assertThat(reg.manifest("bar", "v1")).isEqualTo(image.manifest());
    assertThat(reg.blob(image.layer(0).digest())).isEqualTo(image.layers().get(0));
    assertThat(reg.hasBlob("bar", image.configDescriptor().digest())).isTrue();
    assertThat(reg.requests("PATCH", "/blobs/uploads/")).isEmpty();
    assertThat(reg.requests("PUT", "/blobs/uploads/")).hasSize(3);
  }

  @Test
  void blobsTheRegistryHasAreNotSentAgain() throws Exception {
    TestImage image = TestImage.random(2, 2, 500, "amd64");
    push(image, reg.host() + "/bar", Pusher.DEFAULT_CHUNK);
    int uploads = reg.requests("POST", "/blobs/uploads/").size();
    events.clear();

    push(image, reg.host() + "/bar", Pusher.DEFAULT_CHUNK);

    assertThat(reg.requests("POST", "/blobs/uploads/")).hasSize(uploads);
    assertThat(plainLines())
        .contains(
            "Using default tag: latest",
            image.layer(0).digest().shortHex() + ": Layer already exists");
  }

  @Test
  void largeBlobsGoInChunks() throws Exception {
    TestImage image = TestImage.random(3, 1, 2500, "amd64");

    push(image, reg.host() + "/bar", 1000);

    assertThat(reg.requests("PATCH", "/blobs/uploads/")).hasSize(3);
    assertThat(reg.requests("PATCH", "/blobs/uploads/").get(1).header("Content-Range"))
        .isEqualTo("1000-1999");
    assertThat(reg.blob(image.layer(0).digest())).isEqualTo(image.layers().get(0));
  }

  @Test
  void blobKnownInAnotherRepositoryIsMounted() throws Exception {
    TestImage image = TestImage.random(4, 1, 500, "amd64");
    Digest layer = reg.putBlob("library/base", image.layers().get(0));
    known.put(layer, List.of("library/base"));

    push(image, reg.host() + "/bar", Pusher.DEFAULT_CHUNK);

    assertThat(plainLines()).contains(layer.shortHex() + ": Mounted from library/base");
    assertThat(reg.requests("POST", "/blobs/uploads/").get(0).query())
        .contains("mount=" + layer.toString().replace(":", "%3A"))
        .contains("from=library%2Fbase");
    assertThat(reg.hasBlob("bar", layer)).isTrue();
  }

  @Test
  void pushAsksForPushScopeAndPullOnTheMountSource() throws Exception {
    reg.bearerAuth("u", "p", true);
    TestImage image = TestImage.random(5, 1, 500, "amd64");
    Digest layer = reg.putBlob("base", image.layers().get(0));
    known.put(layer, List.of("base"));

    push(image, reg.host() + "/bar", Pusher.DEFAULT_CHUNK);

    assertThat(reg.tokenScopes())
        .contains("repository:bar:pull,push", "repository:bar:pull,push repository:base:pull");
  }

  @Test
  void corruptSourceIsRefusedByTheRegistry() throws Exception {
    TestImage image = TestImage.random(6, 1, 500, "amd64");
    hold(image);
    blobs.put(image.layer(0).digest(), new byte[500]);
    Pusher pusher = new Pusher(TestRegistries.of(TestRegistries.config(), sleeps));

    assertThatThrownBy(
            () ->
                pusher.push(
                    new PushRequest(
                        ImageReference.parse(reg.host() + "/bar"),
                        MediaType.OCI_MANIFEST,
                        image.digest()),
                    source,
                    events::add))
        .isInstanceOf(RegistryException.class)
        .hasMessage("digest invalid: provided digest did not match uploaded content");
    assertThat(reg.manifest("bar", "latest")).isNull();
  }

  @Test
  void indexPushesEveryImageThenTheIndex() throws Exception {
    TestImage amd = TestImage.random(7, 1, 300, "amd64");
    TestImage arm = TestImage.random(8, 1, 300, "arm64");
    hold(amd);
    hold(arm);
    byte[] index =
        TestImage.index(
            List.of(
                amd.descriptor(Platform.of("linux", "amd64", "")),
                arm.descriptor(Platform.of("linux", "arm64", ""))));
    Digest indexDigest = Digest.sha256(index);
    blobs.put(indexDigest, index);
    Pusher pusher = new Pusher(TestRegistries.of(TestRegistries.config(), sleeps));

    pusher.push(
        new PushRequest(
            ImageReference.parse(reg.host() + "/multi:1"), MediaType.OCI_INDEX, indexDigest),
        source,
        events::add);

    assertThat(reg.manifest("multi", "1")).isEqualTo(index);
    assertThat(reg.manifest("multi", amd.digest().toString())).isEqualTo(amd.manifest());
    assertThat(reg.manifest("multi", arm.digest().toString())).isEqualTo(arm.manifest());
    assertThat(reg.hasBlob("multi", arm.layer(0).digest())).isTrue();
  }
}
