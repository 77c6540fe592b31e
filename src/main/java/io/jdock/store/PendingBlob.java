package io.jdock.store;

import io.jdock.oci.Digest;
import io.jdock.oci.InvalidContentException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/**
 * A blob written into the store piece by piece (a download), for a known digest and size. The bytes
 * go to a temp file in this process's temp dir and are hashed as they come; {@link #commit()}
 * checks digest and size, fsyncs and renames the file into {@code blobs/}. Until then nothing is
 * visible: closing without commit deletes the temp file, and a process killed meanwhile leaves it
 * in a temp dir that the next open removes. Holds off garbage collection while open. One thread
 * writes; others may {@link #follow()} the bytes as they are written.
 */
public final class PendingBlob implements AutoCloseable {
  private final BlobStore blobs;
  private final Digest expected;
  private final long expectedSize;
  private final Path tempFile;
  private final FileChannel channel;
  private final StoreLock.Held gc;
  private final MessageDigest sha256 = Digest.newSha256();
  private final Written written = new Written();
  private long size;
  private boolean closed;

  PendingBlob(BlobStore blobs, Digest expected, long expectedSize, Path tempFile, StoreLock.Held gc)
      throws IOException {
    this.blobs = blobs;
    this.expected = expected;
    this.expectedSize = expectedSize;
    this.tempFile = tempFile;
    this.gc = gc;
    this.channel =
        FileChannel.open(
            tempFile,
            StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE,
            StandardOpenOption.READ);
  }

  /** The digest the content must have. */
  public Digest digest() {
    return expected;
  }

  /** How many bytes are written so far. */
  public long size() {
    return size;
  }

  /** Appends bytes; fails as soon as there are more than the expected size. */
  public void write(byte[] buffer, int off, int len) throws IOException {
    checkOpen();
    if (size + len > expectedSize) {
      throw new InvalidContentException(
          "blob " + expected + " is longer than its size " + expectedSize);
    }
    ByteBuffer b = ByteBuffer.wrap(buffer, off, len);
    while (b.hasRemaining()) {
      channel.write(b);
    }
    sha256.update(buffer, off, len);
    size += len;
    written.advance(size);
  }

  /**
   * The blob's bytes from the start, as they are written: a read waits for bytes not written yet,
   * the stream ends once the blob is committed, and fails if the writing starts again at 0 or ends
   * without commit. The bytes are not verified until the commit; whoever reads them must not make
   * anything of them durable before it.
   */
  public InputStream follow() throws IOException {
    checkOpen();
    return new Follower(FileChannel.open(tempFile, StandardOpenOption.READ), written);
  }

  /** The bytes written so far ({@link #size()} of them), read back from the temp file. */
  public InputStream written() throws IOException {
    checkOpen();
    channel.force(false);
    return new BoundedInputStream(Files.newInputStream(tempFile), size);
  }

  /** Drops everything written: writing starts again at 0. */
  public void truncate() throws IOException {
    checkOpen();
    written.fail("the download of " + expected + " started again");
    channel.truncate(0);
    channel.position(0);
    sha256.reset();
    size = 0;
  }

  /**
   * Checks digest and size, makes the blob durable and visible under its digest, and closes this.
   * Idempotent with other writers of the same blob: success means the content is stored.
   */
  public StoredBlob commit() throws IOException {
    checkOpen();
    try {
      Digest actual = Digest.fromMessageDigest(sha256.digest());
      if (size != expectedSize) {
        throw new InvalidContentException(
            "size mismatch for blob " + expected + ": expected " + expectedSize + ", got " + size);
      }
      if (!actual.equals(expected)) {
        throw new InvalidContentException(
            "digest mismatch: expected " + expected + ", got " + actual);
      }
      channel.force(true);
      channel.close();
      blobs.install(tempFile, expected);
      written.finish();
      return new StoredBlob(expected, size);
    } finally {
      close();
    }
  }

  /** Without commit: discards what was written. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    written.fail("the download of " + expected + " did not complete");
    try {
      channel.close();
      Files.deleteIfExists(tempFile);
    } finally {
      gc.close();
    }
  }

  /** How far the writer got, shared with followers on other threads. */
  private static final class Written {
    private long size;
    private boolean finished;
    private String failure;

    synchronized void advance(long newSize) {
      size = newSize;
      notifyAll();
    }

    synchronized void finish() {
      finished = true;
      notifyAll();
    }

    synchronized void fail(String why) {
      if (!finished && failure == null) {
        failure = why;
        notifyAll();
      }
    }

    /** Waits until there are bytes at {@code pos}; their end, or -1 once the blob is complete. */
    synchronized long awaitBeyond(long pos) throws IOException {
      while (true) {
        if (failure != null) {
          throw new IOException(failure);
        }
        if (size > pos) {
          return size;
        }
        if (finished) {
          return -1;
        }
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new java.io.InterruptedIOException("interrupted while following a download");
        }
      }
    }
  }

  /** A reader of the temp file that keeps up with the writer (see {@link #follow()}). */
  private static final class Follower extends InputStream {
    private final FileChannel channel;
    private final Written written;
    private long pos;

    Follower(FileChannel channel, Written written) {
      this.channel = channel;
      this.written = written;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      long end = written.awaitBeyond(pos);
      if (end < 0) {
        return -1;
      }
      int n = channel.read(ByteBuffer.wrap(b, off, (int) Math.min(len, end - pos)), pos);
      if (n < 0) {
        throw new IOException("the file of a download in progress is shorter than written");
      }
      pos += n;
      return n;
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** At most {@code limit} bytes of a stream. */
  private static final class BoundedInputStream extends FilterInputStream {
    private long left;

    BoundedInputStream(InputStream in, long limit) {
      super(in);
      this.left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }

  private void checkOpen() throws IOException {
    if (closed) {
      throw new IOException("blob " + expected + ": writer is closed");
    }
  }
}
