package io.jdock.layer;

import io.jdock.oci.Digest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;

/**
 * Counts and sha256-hashes every byte read through it, skipped bytes included, so a tar reader that
 * skips data cannot leave bytes out of the diff_id.
 */
final class HashingInputStream extends FilterInputStream {
  private final MessageDigest sha256 = Digest.newSha256();
  private final byte[] skipBuffer = new byte[1 << 16];
  private long count;

  HashingInputStream(InputStream in) {
    super(in);
  }

  @Override
  public int read() throws IOException {
    int b = in.read();
    if (b >= 0) {
      sha256.update((byte) b);
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int offset, int length) throws IOException {
    int n = in.read(buf, offset, length);
    if (n > 0) {
      sha256.update(buf, offset, n);
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = 0;
    while (skipped < n) {
      int r = read(skipBuffer, 0, (int) Math.min(skipBuffer.length, n - skipped));
      if (r < 0) {
        break;
      }
      skipped += r;
    }
    return skipped;
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  @Override
  public synchronized void mark(int limit) {}

  @Override
  public synchronized void reset() throws IOException {
    throw new IOException("mark/reset not supported");
  }

  /** Reads to the end of the stream: bytes after the tar's end still belong to the diff_id. */
  void drain() throws IOException {
    while (read(skipBuffer, 0, skipBuffer.length) >= 0) {
      // hashing is the point
    }
  }

  /** The sha256 of everything read; call once, at the end. */
  Digest digest() {
    return Digest.fromMessageDigest(sha256.digest());
  }

  long count() {
    return count;
  }
}
