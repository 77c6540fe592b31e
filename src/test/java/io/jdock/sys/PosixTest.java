package io.jdock.sys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PosixTest {
  @TempDir Path dir;

  @Test
  void readAndWriteHonourBufferPosition() throws Exception {
    String file = dir.resolve("f").toString();
    int fd = Posix.open(file, OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0644);
    try {
      ByteBuffer out = ByteBuffer.allocateDirect(16);
      out.put("xxhello".getBytes(StandardCharsets.US_ASCII)).flip();
      out.position(2);
      assertThat(Posix.pwrite(fd, out, 0)).isEqualTo(5);
      assertThat(out.position()).isEqualTo(7);

      ByteBuffer in = ByteBuffer.allocateDirect(16);
      in.position(3);
      assertThat(Posix.pread(fd, in, 1)).isEqualTo(4);
      assertThat(in.position()).isEqualTo(7);
      byte[] got = new byte[4];
      in.get(3, got);
      assertThat(new String(got, StandardCharsets.US_ASCII)).isEqualTo("ello");
    } finally {
      Posix.close(fd);
    }
  }

  @Test
  void lstatReportsTypeModeAndSize() throws Exception {
    Path f = dir.resolve("a");
    Files.writeString(f, "12345");
    Posix.chmod(f.toString(), 04751);
    Stat st = Posix.lstat(f.toString());
    assertThat(st.isRegular()).isTrue();
    assertThat(st.permissions()).isEqualTo(04751);
    assertThat(st.size()).isEqualTo(5);
    assertThat(st.nlink()).isEqualTo(1);
    Posix.symlink("a", dir.resolve("l").toString());
    assertThat(Posix.lstat(dir.resolve("l").toString()).isSymlink()).isTrue();
    assertThat(Posix.readlink(dir.resolve("l").toString())).isEqualTo("a");
  }

  @Test
  void isattyTellsTerminalsFromFiles() throws Exception {
    int file = Posix.open(dir.resolve("t").toString(), OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0644);
    int pty = Posix.open("/dev/ptmx", OpenFlags.O_RDWR | OpenFlags.O_NOCTTY, 0);
    try {
      assertThat(Posix.isatty(file)).isFalse();
      assertThat(Posix.terminalColumns(file)).isEmpty();
      assertThat(Posix.isatty(pty)).isTrue();
    } finally {
      Posix.close(file);
      Posix.close(pty);
    }
  }

  @Test
  void errorsCarryErrno() {
    assertThatThrownBy(() -> Posix.lstat(dir.resolve("missing").toString()))
        .isInstanceOfSatisfying(
            ErrnoException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ENOENT))
        .hasMessageContaining("No such file or directory");
  }

  @Test
  void xattrsRoundTrip() throws Exception {
    Path f = dir.resolve("x");
    Files.writeString(f, "");
    ExtendedAttributes.lset(f.toString(), "user.k", "v".getBytes(StandardCharsets.UTF_8), 0);
    assertThat(ExtendedAttributes.llist(f.toString())).contains("user.k");
    assertThat(ExtendedAttributes.lget(f.toString(), "user.k"))
        .hasValueSatisfying(v -> assertThat(new String(v, StandardCharsets.UTF_8)).isEqualTo("v"));
    assertThat(ExtendedAttributes.lget(f.toString(), "user.none")).isEmpty();
  }

  @Test
  void makedevRoundTrips() {
    long dev = FileMode.makedev(259, 70000);
    assertThat(FileMode.major(dev)).isEqualTo(259);
    assertThat(FileMode.minor(dev)).isEqualTo(70000);
  }
}
