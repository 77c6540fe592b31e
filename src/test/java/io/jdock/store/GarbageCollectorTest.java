package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageIndex;
import io.jdock.oci.MediaType;
import io.jdock.oci.OciJson;
import io.jdock.oci.Platform;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GarbageCollectorTest {
  @TempDir Path root;
  private ImageStore store;

  @BeforeEach
  void open() throws IOException {
    store = ImageStore.open(StorePaths.of(root));
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  private static List<Digest> blobsOf(TestImages.Built image) {
    List<Digest> all = new ArrayList<>(image.layerBlobs());
    all.add(image.id());
    all.add(image.manifest().digest());
    return all;
  }

  private void extractAll(TestImages.Built image) throws IOException {
    for (int i = 0; i < image.diffIds().size(); i++) {
      store
          .layers()
          .ensure(image.diffIds().get(i), image.layerBlobs().get(i), new TestImages.FakeUnpacker());
    }
  }

  @Test
  void deletesWhatNoImageReachesAndKeepsSharedLayers() throws Exception {
    TestImages.Built kept = TestImages.add(store, "k", List.of("kept"), "shared", "own-k");
    TestImages.Built removed = TestImages.add(store, "r", List.of("removed"), "shared", "own-r");
    TestImages.Built unregistered = TestImages.store(store, "u", "own-u");
    extractAll(kept);
    extractAll(removed);
    try (IndexTransaction tx = IndexTransaction.begin(store)) {
      tx.index().removeImage(removed.id());
      tx.commit();
    }

    GcResult result = store.gc();

    Digest ownR = removed.diffIds().get(1);
    List<Digest> expectedBlobs =
        new ArrayList<>(List.of(removed.id(), removed.manifest().digest()));
    expectedBlobs.add(ownR);
    expectedBlobs.addAll(blobsOf(unregistered));
    assertThat(result.blobs()).containsExactlyInAnyOrderElementsOf(expectedBlobs);
    assertThat(result.layers()).containsExactly(ownR);
    for (Digest blob : blobsOf(kept)) {
      assertThat(store.blobs().has(blob)).isTrue();
    }
    assertThat(store.layers().list()).containsExactlyInAnyOrderElementsOf(kept.diffIds());
    assertThat(store.gc()).isEqualTo(new GcResult(List.of(), List.of()));
    assertThat(store.images()).extracting(Image::id).containsExactly(kept.id());
  }

  @Test
  void danglingImagesAreNotGarbage() throws Exception {
    TestImages.Built image = TestImages.add(store, "d", List.of("d"), "l");
    store.untag(TestImages.ref("d"));
    assertThat(store.gc().blobs()).isEmpty();
    assertThat(store.images()).hasSize(1);
  }

  @Test
  void containerAndMountRecordsAreRoots() throws Exception {
    TestImages.Built forContainer = TestImages.add(store, "c", List.of("c"), "lc");
    TestImages.Built forMount = TestImages.add(store, "m", List.of("m"), "lm");
    extractAll(forContainer);
    extractAll(forMount);
    store
        .containers()
        .create(
            Records.container(
                store, Records.id('c'), "ctr", forContainer, new ContainerState.Created()));
    store.mounts().create(Records.mount(store, "m1", forMount, 1));
    try (IndexTransaction tx = IndexTransaction.begin(store)) {
      tx.index().removeImage(forContainer.id());
      tx.index().removeImage(forMount.id());
      tx.commit();
    }
    assertThat(store.gc()).isEqualTo(new GcResult(List.of(), List.of()));
    store.containers().remove(Records.id('c'));
    store.mounts().remove("m1");
    GcResult result = store.gc();
    assertThat(result.layers())
        .containsExactlyInAnyOrder(forContainer.diffIds().get(0), forMount.diffIds().get(0));
    assertThat(result.blobs()).hasSize(6);
  }

  @Test
  void followsNestedIndexesOtherToolsWrote() throws Exception {
    TestImages.Built image = TestImages.store(store, "n", "ln");
    byte[] nested =
        OciJson.write(
            ImageIndex.of(
                List.of(image.manifest().withPlatform(Platform.of("linux", "amd64", "")))));
    StoredBlob nestedBlob = store.blobs().putBytes(nested);
    Descriptor entry =
        Descriptor.of(MediaType.OCI_INDEX, nestedBlob.digest(), nestedBlob.size())
            .withAnnotations(Map.of(Descriptor.REF_NAME, "multi"));
    try (IndexTransaction tx = IndexTransaction.begin(store)) {
      store.indexFile().write(ImageIndex.of(List.of(entry)), store.temp());
    }
    extractAll(image);
    assertThat(store.gc()).isEqualTo(new GcResult(List.of(), List.of()));
    // The nested index is not an image jdock lists, but nothing it reaches is garbage.
    assertThat(store.images()).isEmpty();
  }

  @Test
  void leavesForeignFilesAlone() throws Exception {
    Files.writeString(root.resolve("blobs/sha256/README"), "not a blob");
    Files.createDirectories(root.resolve("blobs/sha512"));
    Files.writeString(root.resolve("blobs/sha512/" + "a".repeat(128)), "x");
    store.gc();
    assertThat(root.resolve("blobs/sha256/README")).exists();
    assertThat(root.resolve("blobs/sha512/" + "a".repeat(128))).exists();
  }

  @Test
  void aContentLeaseHoldsOffCollectionUntilTheImageIsRegistered() throws Exception {
    TestImages.Built image;
    CountDownLatch leased = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(1);
    Thread other =
        new Thread(
            () -> {
              try (StoreLock.Held lease = store.leaseContent()) {
                leased.countDown();
                done.await();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    try (StoreLock.Held lease = store.leaseContent()) {
      image = TestImages.store(store, "pulling", "layer");
      other.start();
      leased.await();
      assertThat(store.gcIfIdle()).isEmpty();
      store.addImage(image.manifest(), List.of(TestImages.ref("pulled")), Map.of());
    }
    // Still held by the other thread.
    assertThat(store.gcIfIdle()).isEmpty();
    done.countDown();
    other.join();
    Optional<GcResult> result = store.gcIfIdle();
    assertThat(result).contains(new GcResult(List.of(), List.of()));
    for (Digest blob : blobsOf(image)) {
      assertThat(store.blobs().has(blob)).isTrue();
    }
  }
}
