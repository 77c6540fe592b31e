package io.jdock.layer;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.oci.Digest;
import java.io.ByteArrayInputStream;
import org.junit.jupiter.api.Test;

class HashingInputStreamTest {
  @Test
  void skippedAndDrainedBytesAreHashed() throws Exception {
    byte[] data = new byte[200_000];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) (i * 31);
    }
    HashingInputStream in = new HashingInputStream(new ByteArrayInputStream(data));
    assertThat(in.read()).isEqualTo(0);
    assertThat(in.read(new byte[10], 0, 10)).isEqualTo(10);
    assertThat(in.skip(150_000)).isEqualTo(150_000);
    assertThat(in.markSupported()).isFalse();
    in.drain();
    assertThat(in.count()).isEqualTo(data.length);
    assertThat(in.digest()).isEqualTo(Digest.sha256(data));
  }
}
