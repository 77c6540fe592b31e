package io.jdock.fuse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.sys.Errno;
import io.jdock.sys.ErrnoException;
import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Mounting, unmounting and the failures around them, with real mounts. */
class FuseMountTest {
  @TempDir Path tmp;
  Path src;
  Path mnt;

  @BeforeEach
  void dirs() throws IOException {
    src = Files.createDirectory(tmp.resolve("src"));
    mnt = Files.createDirectory(tmp.resolve("mnt"));
    Files.writeString(src.resolve("file"), "content");
  }

  /** A failed test must not leave a mount (live or stale) behind. */
  @AfterEach
  void noMountLeftBehind() throws Exception {
    if (mounted()) {
      FuseMount.unmount(mnt, true);
      throw new AssertionError("the test left " + mnt + " mounted");
    }
  }

  private boolean mounted() throws IOException {
    return MountTable.isMountPoint(mnt.toRealPath());
  }

  @Test
  void closeUnmountsWaitsAndDestroysOnce() throws Exception {
    PassthroughFs fs = new PassthroughFs(src);
    FuseMount m = FuseMount.mount(fs, mnt, MountOptions.defaults());
    assertThat(m.mountpoint()).isEqualTo(mnt.toRealPath());
    assertThat(m.isMounted()).isTrue();
    assertThat(mounted()).isTrue();
    assertThat(Shell.run("findmnt", "-n", "-o", "FSTYPE,SOURCE", mnt.toString()).ok().out())
        .isEqualTo("fuse.jdock jdock\n");
    assertThat(Files.readString(mnt.resolve("file"))).isEqualTo("content");
    m.close();
    assertThat(m.isMounted()).isFalse();
    assertThat(mounted()).isFalse();
    assertThat(fs.destroyCalls).hasValue(1);
    m.close();
    m.awaitUnmounted();
    assertThat(fs.destroyCalls).hasValue(1);
    assertThat(Files.exists(mnt.resolve("file"))).isFalse();
  }

  @Test
  void anExternalUnmountEndsTheMountWhileIdle() throws Exception {
    PassthroughFs fs = new PassthroughFs(src);
    FuseMount m = FuseMount.mount(fs, mnt, MountOptions.defaults());
    Shell.run("umount", mnt.toString()).ok();
    m.awaitUnmounted();
    assertThat(m.isMounted()).isFalse();
    assertThat(fs.destroyCalls).hasValue(1);
    m.close();
    assertThat(mounted()).isFalse();
  }

  @Test
  void closeForcesABusyMountInsteadOfHanging() throws Exception {
    FuseMount m = FuseMount.mount(new PassthroughFs(src), mnt, MountOptions.defaults());
    FileChannel held = FileChannel.open(mnt.resolve("file"));
    Process inside = new ProcessBuilder("sleep", "60").directory(mnt.toFile()).start();
    try {
      m.close();
      assertThat(mounted()).isFalse();
      assertThat(m.isMounted()).isFalse();
      assertThatThrownBy(() -> held.read(ByteBuffer.allocate(4), 0))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("not connected");
    } finally {
      inside.destroyForcibly().waitFor();
      try {
        held.close();
      } catch (IOException expected) {
        // closing a file of an aborted FUSE connection reports ENOTCONN
      }
    }
  }

  @Test
  void fusermount3MountsAndPassesTheDeviceBack() throws Exception {
    MountOptions o =
        MountOptions.defaults().withMechanism(MountOptions.Mechanism.FUSERMOUNT).withFsName("fm");
    try (FuseMount m = FuseMount.mount(new PassthroughFs(src), mnt, o)) {
      assertThat(Shell.run("findmnt", "-n", "-o", "FSTYPE,SOURCE", mnt.toString()).ok().out())
          .isEqualTo("fuse.jdock fm\n");
      Files.writeString(mnt.resolve("new"), "via fusermount3");
      assertThat(Files.readString(src.resolve("new"))).isEqualTo("via fusermount3");
    }
    assertThat(mounted()).isFalse();
  }

  @Test
  void closeThroughFusermountDetachesABusyMountAndServesItsLastUser() throws Exception {
    MountOptions o = MountOptions.defaults().withMechanism(MountOptions.Mechanism.FUSERMOUNT);
    PassthroughFs fs = new PassthroughFs(src);
    FuseMount m = FuseMount.mount(fs, mnt, o);
    FileChannel held = FileChannel.open(mnt.resolve("file"));
    m.close();
    assertThat(mounted()).isFalse();
    ByteBuffer b = ByteBuffer.allocate(7);
    assertThat(held.read(b, 0)).as("still served").isEqualTo(7);
    assertThat(m.isMounted()).isTrue();
    held.close();
    m.awaitUnmounted();
    assertThat(fs.destroyCalls).hasValue(1);
  }

  @Test
  void readOnlyMountRefusesWrites() throws Exception {
    MountOptions o = MountOptions.defaults().withReadOnly(true);
    try (FuseMount m = FuseMount.mount(new PassthroughFs(src), mnt, o)) {
      assertThat(Files.readString(mnt.resolve("file"))).isEqualTo("content");
      Shell.Result r = Shell.sh("echo x > '" + mnt.resolve("other") + "'");
      assertThat(r.status()).isNotZero();
      assertThat(r.err()).contains("Read-only file system");
      assertThat(Files.exists(src.resolve("other"))).isFalse();
    }
  }

  @Test
  void writebackCacheAndSharedDescriptorOptionsServeCorrectly() throws Exception {
    MountOptions o =
        MountOptions.defaults().withWritebackCache(true).withCloneDevice(false).withThreads(3);
    try (FuseMount m = FuseMount.mount(new PassthroughFs(src), mnt, o)) {
      Path f = mnt.resolve("wb");
      Files.writeString(f, "one", StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      Files.writeString(f, "two", StandardOpenOption.APPEND);
      try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
        ch.write(ByteBuffer.wrap("O".getBytes(StandardCharsets.US_ASCII)), 0);
      }
      assertThat(Files.readString(f)).isEqualTo("Onetwo");
    }
    assertThat(Files.readString(src.resolve("wb"))).isEqualTo("Onetwo");
  }

  @Test
  void missingMountpointIsOneClearLine() {
    Path missing = tmp.resolve("nope");
    assertThatThrownBy(
            () -> FuseMount.mount(new PassthroughFs(src), missing, MountOptions.defaults()))
        .isInstanceOf(MountException.class)
        .hasMessage("mountpoint " + missing + " does not exist");
  }

  @Test
  void aFileIsNotAMountpoint() {
    Path file = src.resolve("file");
    assertThatThrownBy(() -> FuseMount.mount(new PassthroughFs(src), file, MountOptions.defaults()))
        .isInstanceOf(MountException.class)
        .hasMessage("mountpoint " + file + " is not a directory");
  }

  @Test
  void anExistingMountIsRefused() throws Exception {
    try (FuseMount m = FuseMount.mount(new PassthroughFs(src), mnt, MountOptions.defaults())) {
      assertThatThrownBy(
              () -> FuseMount.mount(new PassthroughFs(src), mnt, MountOptions.defaults()))
          .isInstanceOf(MountException.class)
          .hasMessage("mountpoint " + mnt.toRealPath() + " is already a mount point");
      assertThat(Files.readString(mnt.resolve("file"))).isEqualTo("content");
    }
  }

  @Test
  void unmountingWhatIsNotMountedFails() {
    assertThatThrownBy(() -> FuseMount.unmount(mnt, false))
        .isInstanceOf(MountException.class)
        .hasMessage(mnt + " is not a mount point");
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aKilledServerLeavesAStaleMountThatUnmountClears(boolean lazy) throws Exception {
    Process server = serve();
    server.destroyForcibly();
    assertThat(server.waitFor()).isEqualTo(137);
    assertThatThrownBy(() -> Posix.open(mnt.toString(), OpenFlags.O_RDONLY, 0))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOTCONN));
    assertThatThrownBy(() -> FuseMount.mount(new PassthroughFs(src), mnt, MountOptions.defaults()))
        .isInstanceOf(MountException.class)
        .hasMessageContaining("stale FUSE mount");
    FuseMount.unmount(mnt, lazy);
    assertThat(mounted()).isFalse();
    assertThat(Posix.stat(mnt.toString()).isDir()).isTrue();
    try (FuseMount again = FuseMount.mount(new PassthroughFs(src), mnt, MountOptions.defaults())) {
      assertThat(Files.readString(mnt.resolve("file"))).isEqualTo("content");
    }
  }

  @Test
  void sigtermMakesTheServerUnmountCleanly() throws Exception {
    Process server = serve();
    server.destroy();
    assertThat(server.waitFor()).isEqualTo(143);
    assertThat(mounted()).isFalse();
    assertThat(Posix.stat(mnt.toString()).isDir()).isTrue();
  }

  @Test
  void anExternalUnmountEndsTheServingProcess() throws Exception {
    Process server = serve();
    BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream()));
    Shell.run("umount", mnt.toString()).ok();
    assertThat(out.readLine()).isEqualTo("UNMOUNTED");
    assertThat(server.waitFor()).isZero();
  }

  /** A separate JVM serving {@code src} on {@code mnt}; returns once it printed READY. */
  private Process serve() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p =
        new ProcessBuilder(
                List.of(
                    java,
                    "-cp",
                    System.getProperty("java.class.path"),
                    ServeMain.class.getName(),
                    src.toString(),
                    mnt.toString()))
            .redirectError(tmp.resolve("server.err").toFile())
            .start();
    String first = new BufferedReader(new InputStreamReader(p.getInputStream())).readLine();
    if (!"READY".equals(first)) {
      throw new AssertionError(
          "server did not start: " + Files.readString(tmp.resolve("server.err")));
    }
    return p;
  }
}
