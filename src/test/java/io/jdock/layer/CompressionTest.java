package io.jdock.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import io.jdock.oci.InvalidContentException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CompressionTest {
  private static final byte[] TAR =
      new TarBuilder().file("a", "x".repeat(100_000)).file("b", "hello").build();

  static byte[] compress(Compression c, byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream z =
        switch (c) {
          case NONE -> out;
          case GZIP -> new GZIPOutputStream(out);
          case ZSTD -> new ZstdOutputStream(out);
          case BZIP2 -> new BZip2CompressorOutputStream(out);
        }) {
      z.write(data);
    }
    return out.toByteArray();
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void sniffsAndDecompresses(Compression c) throws IOException {
    byte[] blob = compress(c, TAR);
    assertThat(Compression.of(blob, blob.length)).isEqualTo(c);
    try (InputStream in = Compression.decompress(new ByteArrayInputStream(blob))) {
      assertThat(in.readAllBytes()).isEqualTo(TAR);
    }
  }

  @Test
  void sniffLeavesTheStreamUnread() throws IOException {
    byte[] blob = compress(Compression.ZSTD, TAR);
    var in = new java.io.BufferedInputStream(new ByteArrayInputStream(blob));
    assertThat(Compression.sniff(in)).isEqualTo(Compression.ZSTD);
    assertThat(in.readAllBytes()).isEqualTo(blob);
  }

  @ParameterizedTest
  @EnumSource(
      value = Compression.class,
      names = {"GZIP", "ZSTD", "BZIP2"})
  void readsConcatenatedStreams(Compression c) throws IOException {
    byte[] first = Arrays.copyOfRange(TAR, 0, 777);
    byte[] rest = Arrays.copyOfRange(TAR, 777, TAR.length);
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.write(compress(c, first));
    both.write(compress(c, rest));
    try (InputStream in = Compression.decompress(new ByteArrayInputStream(both.toByteArray()))) {
      assertThat(in.readAllBytes()).isEqualTo(TAR);
    }
  }

  @Test
  void readsEveryMemberOfAMultiMemberGzip() throws IOException {
    byte[] first = Arrays.copyOfRange(TAR, 0, 1000);
    byte[] rest = Arrays.copyOfRange(TAR, 1000, TAR.length);
    ByteArrayOutputStream both = new ByteArrayOutputStream();
    both.write(compress(Compression.GZIP, first));
    both.write(compress(Compression.GZIP, rest));
    // A stream whose available() is 0 between members, like a network stream.
    InputStream slow =
        new ByteArrayInputStream(both.toByteArray()) {
          @Override
          public synchronized int available() {
            return 0;
          }
        };
    try (InputStream in = Compression.decompress(slow)) {
      assertThat(in.readAllBytes()).isEqualTo(TAR);
    }
  }

  @Test
  void shortAndEmptyInputsArePlain() throws IOException {
    assertThat(Compression.of(new byte[] {0x1f}, 1)).isEqualTo(Compression.NONE);
    assertThat(Compression.of(new byte[0], 0)).isEqualTo(Compression.NONE);
    try (InputStream in = Compression.decompress(new ByteArrayInputStream(new byte[0]))) {
      assertThat(in.readAllBytes()).isEmpty();
    }
  }

  @Test
  void refusesXz() {
    byte[] xz = {(byte) 0xfd, '7', 'z', 'X', 'Z', 0, 0, 0};
    assertThatThrownBy(() -> Compression.decompress(new ByteArrayInputStream(xz)))
        .isInstanceOf(InvalidContentException.class)
        .hasMessageContaining("xz");
  }

  @Test
  void gzipOutputIsDeterministicAndReadable() throws IOException {
    byte[][] runs = new byte[2][];
    for (int i = 0; i < 2; i++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      GZIPOutputStream gz = Compression.gzip(out);
      gz.write(TAR);
      gz.finish();
      runs[i] = out.toByteArray();
    }
    assertThat(runs[0]).isEqualTo(runs[1]);
    assertThat(Compression.of(runs[0], runs[0].length)).isEqualTo(Compression.GZIP);
    try (InputStream in = Compression.decompress(new ByteArrayInputStream(runs[0]))) {
      assertThat(in.readAllBytes()).isEqualTo(TAR);
    }
  }

  @Test
  void corruptZstdFails() throws IOException {
    byte[] blob = compress(Compression.ZSTD, TAR);
    byte[] cut = Arrays.copyOf(blob, blob.length / 2);
    assertThatThrownBy(
            () -> {
              try (InputStream in = Compression.decompress(new ByteArrayInputStream(cut))) {
                in.readAllBytes();
              }
            })
        .isInstanceOf(IOException.class);
  }
}
