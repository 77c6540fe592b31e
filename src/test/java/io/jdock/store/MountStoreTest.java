package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountStoreTest {
  @TempDir Path root;
  private ImageStore store;
  private MountStore mounts;
  private TestImages.Built image;

  @BeforeEach
  void open() throws IOException {
    store = ImageStore.open(StorePaths.of(root));
    mounts = store.mounts();
    image = TestImages.add(store, "a", List.of("a"), "l");
  }

  @AfterEach
  void close() throws IOException {
    store.close();
  }

  @Test
  void crud() throws Exception {
    MountRecord record = Records.mount(store, "m1", image, 1234);
    mounts.create(record);
    assertThat(mounts.get("m1")).contains(record);
    assertThat(mounts.upperDir("m1")).isEmptyDirectory();
    assertThat(mounts.atMountpoint(Path.of("/mnt/./m1"))).contains(record);
    assertThat(mounts.atMountpoint(Path.of("/mnt/other"))).isEmpty();
    assertThat(mounts.update("m1", r -> r.withPid(99))).map(MountRecord::pid).contains(99L);
    assertThat(mounts.get("m1").map(MountRecord::pid)).contains(99L);
    assertThat(mounts.update("nope", r -> r)).isEmpty();
    assertThat(mounts.list()).extracting(MountRecord::name).containsExactly("m1");
    assertThat(mounts.remove("m1")).isTrue();
    assertThat(mounts.remove("m1")).isFalse();
    assertThat(mounts.list()).isEmpty();
    assertThat(root.resolve("mounts/m1")).doesNotExist();
  }

  @Test
  void namesAndMountpointsAreUnique() throws Exception {
    mounts.create(Records.mount(store, "m1", image, 1));
    assertThatThrownBy(() -> mounts.create(Records.mount(store, "m1", image, 2)))
        .isInstanceOf(RecordConflictException.class)
        .hasMessage("mount m1 already exists");
    MountRecord sameMountpoint =
        new MountRecord(
            "m2",
            image.id(),
            image.manifest().digest(),
            "",
            Path.of("/mnt/m1"),
            mounts.upperDir("m2"),
            false,
            ProcessHandle.current().pid(),
            null,
            Path.of("/l"),
            java.time.Instant.EPOCH);
    assertThatThrownBy(() -> mounts.create(sameMountpoint))
        .isInstanceOf(RecordConflictException.class)
        .hasMessage("/mnt/m1 is already a jdock mount (m1)");
  }

  @Test
  void aliveMeansTheServingProcessExists() throws Exception {
    assertThat(Records.mount(store, "m", image, ProcessHandle.current().pid()).isAlive()).isTrue();
    assertThat(Records.mount(store, "m", image, Records.deadPid()).isAlive()).isFalse();
    assertThatThrownBy(() -> Records.mount(store, "../x", image, 1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(mounts.get("../x")).isEmpty();
  }
}
