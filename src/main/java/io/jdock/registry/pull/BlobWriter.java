package io.jdock.registry.pull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A blob being written into a {@link BlobSink}. The puller verifies digest and size of everything
 * written before it calls {@link #commit()}; a writer closed without commit keeps nothing visible
 * (it may keep its bytes for a later {@link BlobSink#begin} to resume from).
 */
public interface BlobWriter extends Closeable {
  /** Bytes already held from an earlier attempt; writing continues after them. */
  long offset();

  /** The bytes already held ({@link #offset()} of them), so the puller can hash them again. */
  InputStream existing() throws IOException;

  void write(byte[] buffer, int off, int len) throws IOException;

  /**
   * The blob's bytes from the start as they are written (a read waits for more; the stream ends at
   * commit and fails if the writing restarts or ends without commit), if this writer can show them:
   * so a layer can be extracted while it downloads.
   */
  default Optional<InputStream> follow() throws IOException {
    return Optional.empty();
  }

  /** Drops the held bytes: writing restarts at 0 (the server ignored a Range request). */
  void reset() throws IOException;

  /**
   * Makes the blob visible under its digest. Called only after the puller verified digest and size;
   * success means the content is stored, not necessarily by this call (idempotent).
   */
  void commit() throws IOException;

  /** Discards everything written (a verification failure); nothing is committed. */
  void abort();

  /** Without commit: nothing is committed. */
  @Override
  void close() throws IOException;
}
