package io.jdock.layer;

import io.jdock.oci.Digest;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;

/** Counts and sha256-hashes every byte written through it; closing it does not close the sink. */
final class HashingOutputStream extends FilterOutputStream {
  private final MessageDigest sha256 = Digest.newSha256();
  private long count;

  HashingOutputStream(OutputStream out) {
    super(out);
  }

  @Override
  public void write(int b) throws IOException {
    out.write(b);
    sha256.update((byte) b);
    count++;
  }

  @Override
  public void write(byte[] buf, int offset, int length) throws IOException {
    out.write(buf, offset, length);
    sha256.update(buf, offset, length);
    count += length;
  }

  @Override
  public void close() throws IOException {
    flush();
  }

  /** The sha256 of everything written; call once, at the end. */
  Digest digest() {
    return Digest.fromMessageDigest(sha256.digest());
  }

  long count() {
    return count;
  }
}
