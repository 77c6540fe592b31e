package io.jdock.container;

import io.jdock.registry.pull.BlobWriter;
import io.jdock.store.PendingBlob;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A download's {@link BlobWriter} over a store {@link PendingBlob}: the store hashes the bytes
 * again as they are written and refuses a commit that does not verify, so nothing unverified ever
 * becomes visible. A download starts at 0: a broken connection is resumed by Range within one
 * writer, and what a killed process had written is discarded with its temp dir.
 */
final class StoreBlobWriter implements BlobWriter {
  private final PendingBlob blob;

  StoreBlobWriter(PendingBlob blob) {
    this.blob = blob;
  }

  @Override
  public long offset() {
    return blob.size();
  }

  @Override
  public InputStream existing() throws IOException {
    return blob.written();
  }

  @Override
  public void write(byte[] buffer, int off, int len) throws IOException {
    blob.write(buffer, off, len);
  }

  @Override
  public Optional<InputStream> follow() throws IOException {
    return Optional.of(blob.follow());
  }

  @Override
  public void reset() throws IOException {
    blob.truncate();
  }

  @Override
  public void commit() throws IOException {
    blob.commit();
  }

  @Override
  public void abort() {
    try {
      blob.close();
    } catch (IOException e) {
      // The temp file is removed with this process's temp dir at the latest.
    }
  }

  @Override
  public void close() throws IOException {
    blob.close();
  }
}
