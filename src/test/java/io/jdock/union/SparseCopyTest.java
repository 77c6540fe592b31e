package io.jdock.union;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.sys.OpenFlags;
import io.jdock.sys.Posix;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Copy-up of sparse and large files copies data ranges and keeps holes. */
class SparseCopyTest {
  @TempDir Path tmp;

  @Test
  void holesStayHolesAndDataIsCopied() throws Exception {
    Path src = tmp.resolve("src");
    long size = 6L << 30;
    try (RandomAccessFile f = new RandomAccessFile(src.toFile(), "rw")) {
      f.seek(1 << 20);
      f.write("begin".getBytes());
      f.seek(size - 3);
      f.write("end".getBytes());
    }
    Path dst = tmp.resolve("dst");
    int in = Posix.open(src.toString(), OpenFlags.O_RDONLY, 0);
    int out = Posix.open(dst.toString(), OpenFlags.O_RDWR | OpenFlags.O_CREAT, 0600);
    try {
      SparseCopy.copy(in, out, size);
    } finally {
      Posix.close(in);
      Posix.close(out);
    }
    assertThat(Posix.lstat(dst.toString()).size()).isEqualTo(size);
    assertThat(Posix.lstat(dst.toString()).blocks()).isLessThan(1024);
    try (RandomAccessFile f = new RandomAccessFile(dst.toFile(), "r")) {
      byte[] b = new byte[5];
      f.seek(1 << 20);
      f.readFully(b);
      assertThat(new String(b)).isEqualTo("begin");
      f.seek(size - 3);
      f.readFully(b, 0, 3);
      assertThat(new String(b, 0, 3)).isEqualTo("end");
      f.seek(4096);
      f.readFully(b);
      assertThat(b).containsOnly(0);
    }
  }
}
