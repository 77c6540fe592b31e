package io.jdock.archive;

import io.jdock.oci.Digest;
import io.jdock.store.BlobStore;
import io.jdock.store.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/** An archive entry copied to the store's temp dir while it was read (digest computed then). */
record SpooledFile(String name, Path path, long size, Digest digest) implements ArchiveFile {
  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(path);
  }

  @Override
  public StoredBlob store(BlobStore blobs) throws IOException {
    try (InputStream in = open()) {
      return blobs.put(in, Optional.of(digest), OptionalLong.of(size));
    }
  }
}
