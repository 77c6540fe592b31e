package io.jdock.store;

import io.jdock.oci.Digest;
import io.jdock.oci.InvalidContentException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The content-addressed blobs of the layout ({@code blobs/sha256/<hex>},
 * https://github.com/opencontainers/image-spec/blob/main/image-layout.md#blobs). A put streams into
 * a temp file while hashing and counting, checks digest and size, fsyncs, and renames into place.
 * Put is idempotent: success means the content is stored at DIGEST, not that this call stored it.
 * Each put holds the gc lock shared, so a collection never runs while a blob is being written.
 */
public final class BlobStore {
  private static final int BUFFER_SIZE = 64 * 1024;

  private final StorePaths paths;
  private final TempSpace temp;
  private final StoreLock gcLock;

  BlobStore(StorePaths paths, TempSpace temp, StoreLock gcLock) {
    this.paths = paths;
    this.temp = temp;
    this.gcLock = gcLock;
  }

  /** True if the blob is stored. */
  public boolean has(Digest digest) {
    return Files.isRegularFile(paths.blob(digest));
  }

  /**
   * Stores the stream's content. With {@code expected}, the content must have that digest (and if
   * the blob is already stored, the stream is not read at all); with {@code expectedSize}, that
   * size (a longer stream fails as soon as it is longer).
   */
  public StoredBlob put(InputStream in, Optional<Digest> expected, OptionalLong expectedSize)
      throws IOException {
    if (expected.isPresent() && has(expected.get())) {
      long size = size(expected.get());
      checkSize(expected.get(), size, expectedSize);
      return new StoredBlob(expected.get(), size);
    }
    try (StoreLock.Held gc = gcLock.shared()) {
      Path tempFile = temp.newPath("blob");
      try {
        StoredBlob written = writeVerified(in, tempFile, expected, expectedSize);
        install(tempFile, written.digest());
        return written;
      } finally {
        Files.deleteIfExists(tempFile);
      }
    }
  }

  /**
   * Starts writing the blob {@code expected} of {@code expectedSize} bytes piece by piece (a
   * download); nothing is visible until {@link PendingBlob#commit()} has verified it.
   */
  public PendingBlob begin(Digest expected, long expectedSize) throws IOException {
    StoreLock.Held gc = gcLock.shared();
    try {
      return new PendingBlob(this, expected, expectedSize, temp.newPath("blob"), gc);
    } catch (IOException | RuntimeException e) {
      gc.close();
      throw e;
    }
  }

  /** Renames a verified, fsynced temp file into place, unless the blob is stored already. */
  void install(Path tempFile, Digest digest) throws IOException {
    Path target = paths.blob(digest);
    if (!Files.exists(target)) {
      Files.createDirectories(target.getParent());
      Files.move(tempFile, target, StandardCopyOption.ATOMIC_MOVE);
      FileTrees.fsyncDir(target.getParent());
    }
  }

  /** Stores {@code content} (a manifest, a config...). */
  public StoredBlob putBytes(byte[] content) throws IOException {
    return put(
        new ByteArrayInputStream(content),
        Optional.of(Digest.sha256(content)),
        OptionalLong.of(content.length));
  }

  private static StoredBlob writeVerified(
      InputStream in, Path tempFile, Optional<Digest> expected, OptionalLong expectedSize)
      throws IOException {
    MessageDigest sha256 = Digest.newSha256();
    long size = 0;
    try (FileChannel channel =
            FileChannel.open(tempFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        OutputStream out = Channels.newOutputStream(channel)) {
      byte[] buffer = new byte[BUFFER_SIZE];
      for (int n; (n = in.read(buffer)) != -1; ) {
        size += n;
        if (expectedSize.isPresent() && size > expectedSize.getAsLong()) {
          throw new InvalidContentException(
              "blob "
                  + expected.map(Digest::toString).orElse("")
                  + " is longer than its size "
                  + expectedSize.getAsLong());
        }
        sha256.update(buffer, 0, n);
        out.write(buffer, 0, n);
      }
      out.flush();
      channel.force(true);
    }
    Digest actual = Digest.fromMessageDigest(sha256.digest());
    if (expected.isPresent() && !expected.get().equals(actual)) {
      throw new InvalidContentException(
          "digest mismatch: expected " + expected.get() + ", got " + actual);
    }
    checkSize(actual, size, expectedSize);
    return new StoredBlob(actual, size);
  }

  private static void checkSize(Digest digest, long size, OptionalLong expectedSize)
      throws InvalidContentException {
    if (expectedSize.isPresent() && expectedSize.getAsLong() != size) {
      throw new InvalidContentException(
          "size mismatch for blob "
              + digest
              + ": expected "
              + expectedSize.getAsLong()
              + ", got "
              + size);
    }
  }

  /** Opens a stored blob for reading. */
  public InputStream open(Digest digest) throws IOException {
    try {
      return Files.newInputStream(paths.blob(digest));
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(digest, "opening blob");
    }
  }

  /** Reads a whole stored blob (for manifests and configs), checking its digest. */
  public byte[] read(Digest digest) throws IOException {
    byte[] content;
    try {
      content = Files.readAllBytes(paths.blob(digest));
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(digest, "reading blob");
    }
    Digest actual = Digest.sha256(content);
    if (!actual.equals(digest)) {
      throw new InvalidContentException(
          "blob " + digest + " is corrupt (its content has digest " + actual + ")");
    }
    return content;
  }

  /** Where a blob is (whether or not it exists). */
  public Path path(Digest digest) {
    return paths.blob(digest);
  }

  /** The size of a stored blob. */
  public long size(Digest digest) throws IOException {
    try {
      return Files.size(paths.blob(digest));
    } catch (NoSuchFileException e) {
      throw new BlobNotFoundException(digest, "sizing blob");
    }
  }

  /** Every stored sha256 blob (names that are not digests are ignored). */
  List<Digest> list() throws IOException {
    List<Digest> all = new ArrayList<>();
    if (!Files.isDirectory(paths.blobsDir())) {
      return all;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(paths.blobsDir())) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (Digest.isValid("sha256:" + name)) {
          all.add(Digest.sha256Hex(name));
        }
      }
    }
    return all;
  }

  /** Deletes a blob (gc only, under the exclusive gc lock). */
  boolean delete(Digest digest) throws IOException {
    return Files.deleteIfExists(paths.blob(digest));
  }
}
