package io.jdock.archive;

import io.jdock.oci.Digest;
import io.jdock.oci.InvalidContentException;
import io.jdock.store.BlobStore;
import io.jdock.store.StoredBlob;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A file of a layout directory. A blob path ({@code blobs/sha256/<hex>}) claims its digest, which
 * {@link #store} checks; any other file is hashed when its digest is first asked for.
 */
final class DirectoryFile implements ArchiveFile {
  private final String name;
  private final Path path;
  private final Optional<Digest> claimed;
  private Digest hashed;

  DirectoryFile(String name, Path path) {
    this.name = name;
    this.path = path;
    this.claimed = BlobPaths.digestOf(name);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public long size() throws IOException {
    return Files.size(path);
  }

  @Override
  public Digest digest() throws IOException {
    if (claimed.isPresent()) {
      return claimed.get();
    }
    if (hashed == null) {
      MessageDigest sha256 = Digest.newSha256();
      try (InputStream in = open()) {
        byte[] buffer = new byte[1 << 16];
        for (int n; (n = in.read(buffer)) > 0; ) {
          sha256.update(buffer, 0, n);
        }
      }
      hashed = Digest.fromMessageDigest(sha256.digest());
    }
    return hashed;
  }

  @Override
  public InputStream open() throws IOException {
    return Files.newInputStream(path);
  }

  @Override
  public StoredBlob store(BlobStore blobs) throws IOException {
    try (InputStream in = open()) {
      return blobs.put(in, claimed, OptionalLong.of(size()));
    } catch (InvalidContentException e) {
      throw new InvalidArchiveException("invalid archive: " + name + ": " + e.getMessage(), e);
    }
  }
}
