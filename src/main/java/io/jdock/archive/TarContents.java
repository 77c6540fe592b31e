package io.jdock.archive;

import io.jdock.layer.Compression;
import io.jdock.oci.Digest;
import io.jdock.oci.InvalidContentException;
import io.jdock.store.BlobStore;
import io.jdock.store.StoredBlob;
import io.jdock.store.TempSpace;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * The files of an archive tar (plain, gzip or zstd), read once from front to back: docker writes
 * manifest.json after the layers, so nothing can be decided while streaming. Large {@code
 * blobs/sha256/<hex>} entries go straight into the blob store (verified against their name); every
 * other regular file is spooled to the temp dir. Symlinks and hard links between entries are kept
 * (skopeo's docker-archive links {@code <id>/layer.tar} to {@code <hex>.tar}); other entry types
 * are ignored. Entry names are only map keys: nothing is ever written at them.
 */
final class TarContents implements ArchiveContents {
  /** Blob entries up to this size are spooled: they may be metadata the image does not use. */
  private static final long STREAM_THRESHOLD = 1 << 20;

  private final Map<String, ArchiveFile> files = new HashMap<>();
  private final Map<String, String> symlinks = new HashMap<>();

  private TarContents() {}

  /** Reads the whole archive from {@code raw} (not closed). */
  static TarContents read(InputStream raw, TempSpace temp, BlobStore blobs) throws IOException {
    TarContents contents = new TarContents();
    // Not closed: that would close raw, which belongs to the caller.
    ArchiveTarInputStream tar = new ArchiveTarInputStream(decompressed(raw));
    InputStream data = new EntryData(tar);
    for (TarArchiveEntry e = next(tar); e != null; e = next(tar)) {
      contents.add(e, data, temp, blobs);
    }
    return contents;
  }

  private static InputStream decompressed(InputStream raw) throws IOException {
    try {
      return Compression.decompress(raw);
    } catch (InvalidContentException e) {
      throw new InvalidArchiveException("invalid archive: xz compression is not supported", e);
    }
  }

  private static TarArchiveEntry next(ArchiveTarInputStream tar) throws IOException {
    try {
      return tar.getNextEntry();
    } catch (InvalidContentException e) {
      throw e;
    } catch (IOException e) {
      throw new InvalidArchiveException("invalid archive: " + e.getMessage(), e);
    }
  }

  private void add(TarArchiveEntry e, InputStream data, TempSpace temp, BlobStore blobs)
      throws IOException {
    String name = ArchiveNames.entryName(e.getName());
    if (e.isDirectory() || name.isEmpty()) {
      return;
    }
    files.remove(name);
    symlinks.remove(name);
    if (e.isSymbolicLink()) {
      symlinks.put(name, e.getLinkName());
    } else if (e.isLink()) {
      String target = ArchiveNames.entryName(e.getLinkName());
      ArchiveFile file = files.get(target);
      if (file == null) {
        throw new InvalidArchiveException(
            "invalid archive: hard link \"" + e.getName() + "\" to missing \"" + target + "\"");
      }
      files.put(name, file);
    } else if (e.isFile()) {
      files.put(name, receive(name, e.getSize(), data, temp, blobs));
    }
  }

  private static ArchiveFile receive(
      String name, long size, InputStream data, TempSpace temp, BlobStore blobs)
      throws IOException {
    Optional<Digest> blob = BlobPaths.digestOf(name);
    if (blob.isPresent() && size > STREAM_THRESHOLD) {
      try {
        StoredBlob stored = blobs.put(data, blob, OptionalLong.of(size));
        return new StoredFile(name, stored, blobs);
      } catch (InvalidContentException e) {
        throw new InvalidArchiveException("invalid archive: " + name + ": " + e.getMessage(), e);
      }
    }
    return spool(name, size, data, temp);
  }

  private static SpooledFile spool(String name, long size, InputStream data, TempSpace temp)
      throws IOException {
    SpooledFile file = Spools.copy(name, data, temp);
    if (file.size() != size) {
      throw new InvalidArchiveException("invalid archive: \"" + name + "\" is truncated");
    }
    return file;
  }

  /** The current entry's data; read errors of the tar become InvalidArchiveException. */
  private static final class EntryData extends FilterInputStream {
    EntryData(InputStream tar) {
      super(tar);
    }

    @Override
    public int read(byte[] buf, int offset, int length) throws IOException {
      try {
        return in.read(buf, offset, length);
      } catch (InvalidContentException e) {
        throw e;
      } catch (IOException e) {
        throw new InvalidArchiveException("invalid archive: " + e.getMessage(), e);
      }
    }
  }

  @Override
  public Optional<ArchiveFile> find(String path) throws InvalidArchiveException {
    String resolved = ArchiveNames.resolve(path, name -> Optional.ofNullable(symlinks.get(name)));
    return Optional.ofNullable(files.get(resolved));
  }
}
