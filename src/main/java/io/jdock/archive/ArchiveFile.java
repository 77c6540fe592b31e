package io.jdock.archive;

import io.jdock.layer.Compression;
import io.jdock.oci.Digest;
import io.jdock.store.BlobStore;
import io.jdock.store.StoredBlob;
import java.io.IOException;
import java.io.InputStream;

/**
 * One regular file of an archive, wherever reading the archive left it: spooled to the store's temp
 * dir, already stored as a blob, or in a layout directory.
 */
sealed interface ArchiveFile permits SpooledFile, StoredFile, DirectoryFile {
  /** The largest metadata file (manifest, config, index) read into memory. */
  int METADATA_LIMIT = 16 << 20;

  /** The file's name in the archive, normalised. */
  String name();

  long size() throws IOException;

  /**
   * The sha256 of the content. For a layout directory's {@code blobs/sha256/<hex>} this is the name
   * it claims, checked when the file is stored.
   */
  Digest digest() throws IOException;

  InputStream open() throws IOException;

  /** Stores the content as a blob (unless stored already) and returns it. */
  StoredBlob store(BlobStore blobs) throws IOException;

  /** The whole content of a small file (JSON metadata); {@code what} names it in errors. */
  default byte[] readAll(String what) throws IOException {
    if (size() > METADATA_LIMIT) {
      throw new InvalidArchiveException(
          "invalid archive: " + what + " \"" + name() + "\" is larger than " + METADATA_LIMIT);
    }
    try (InputStream in = open()) {
      return in.readNBytes(METADATA_LIMIT + 1);
    }
  }

  /** The compression of the content, from its magic bytes. */
  default Compression compression() throws IOException {
    try (InputStream in = open()) {
      byte[] head = in.readNBytes(6);
      return Compression.of(head, head.length);
    }
  }
}
