package io.jdock.archive;

import io.jdock.oci.Digest;
import io.jdock.store.BlobStore;
import io.jdock.store.StoredBlob;
import java.io.IOException;
import java.io.InputStream;

/**
 * An archive entry named {@code blobs/sha256/<hex>} that went straight into the blob store while
 * the archive was read (the store checked that its content has that digest).
 */
record StoredFile(String name, StoredBlob blob, BlobStore blobs) implements ArchiveFile {
  @Override
  public long size() {
    return blob.size();
  }

  @Override
  public Digest digest() {
    return blob.digest();
  }

  @Override
  public InputStream open() throws IOException {
    return blobs.open(blob.digest());
  }

  @Override
  public StoredBlob store(BlobStore unused) {
    return blob;
  }
}
