package io.jdock.layer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadAheadInputStreamTest {
  @Test
  void deliversEveryByteInOrder() throws IOException {
    byte[] data = new byte[3 * 256 * 1024 + 12345];
    new Random(7).nextBytes(data);
    try (InputStream in = new ReadAheadInputStream(new ByteArrayInputStream(data))) {
      assertThat(in.readAllBytes()).isEqualTo(data);
      assertThat(in.read()).isEqualTo(-1);
    }
  }

  @Test
  void aSourceErrorReachesTheReaderAfterTheBytesBeforeIt() throws IOException {
    InputStream failing =
        new InputStream() {
          int left = 1000;

          @Override
          public int read() throws IOException {
            if (left-- > 0) {
              return 'x';
            }
            throw new IOException("unexpected end of gzip stream");
          }
        };
    try (InputStream in = new ReadAheadInputStream(failing)) {
      assertThatThrownBy(in::readAllBytes).hasMessage("unexpected end of gzip stream");
    }
  }

  @Test
  void closingEarlyStopsTheThread() throws Exception {
    InputStream endless =
        new InputStream() {
          @Override
          public int read() {
            return 0;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            return len;
          }
        };
    ReadAheadInputStream in = new ReadAheadInputStream(endless);
    assertThat(in.read(new byte[10])).isEqualTo(10);
    in.close();
    Thread.sleep(100);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("jdock-read-ahead") && t.isAlive());
  }
}
