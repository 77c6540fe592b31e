package io.jdock.layer;

import io.jdock.oci.Digest;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes layer tars (https://github.com/opencontainers/image-spec/blob/main/layer.md): a directory
 * tree as it is on disk ({@code commit} of an upper dir, {@code import}), or a list of entries with
 * their content from elsewhere (a TOC-described layer with the image's real owners, for {@code
 * save}). Deterministic: sorted names, parents first, PAX headers only where ustar falls short, no
 * user names; {@code .wh.*} files go out as they are, since they are OCI whiteouts.
 */
public final class LayerTarWriter {
  /**
   * What was written.
   *
   * @param diffId sha256 of the uncompressed tar
   * @param tarSize size of the uncompressed tar
   * @param blobDigest sha256 of the bytes written to the output (the diff_id when not compressed)
   * @param blobSize number of bytes written to the output
   */
  public record Written(Digest diffId, long tarSize, Digest blobDigest, long blobSize) {}

  /** The content of a regular-file entry; the stream must hold at least its size in bytes. */
  @FunctionalInterface
  public interface ContentSource {
    InputStream open(LayerEntry entry) throws IOException;

    /** Content read from {@code root/<entry path>}, not following a symlink there. */
    static ContentSource directory(Path root) {
      return e -> Files.newInputStream(root.resolve(e.path()), LinkOption.NOFOLLOW_LINKS);
    }
  }

  private LayerTarWriter() {}

  /**
   * Writes the tree under {@code dir} (not {@code dir} itself) as a layer tar: owners, modes,
   * mtimes with nanoseconds, xattrs, hard links (by device and inode), devices, fifos, symlinks.
   * Does not close {@code out}.
   */
  public static Written writeTree(Path dir, OutputStream out, boolean gzip) throws IOException {
    return writeEntries(TreeScanner.scan(dir), ContentSource.directory(dir), out, gzip);
  }

  /**
   * Writes {@code entries} in their order: REGULAR content comes from {@code content}, WHITEOUT and
   * OPAQUE become empty files, HARDLINK entries typeflag-1 links to their target (in this layer or
   * below). Does not close {@code out}.
   */
  public static Written writeEntries(
      List<LayerEntry> entries, ContentSource content, OutputStream out, boolean gzip)
      throws IOException {
    HashingOutputStream blob = new HashingOutputStream(out);
    GZIPOutputStream gz = gzip ? Compression.gzip(blob) : null;
    HashingOutputStream tar = gzip ? new HashingOutputStream(gz) : blob;
    BufferedOutputStream buffered = new BufferedOutputStream(tar, 1 << 16);
    TarOutput writer = new TarOutput(buffered);
    for (LayerEntry e : entries) {
      writer.header(e);
      if (e.type() == EntryType.REGULAR) {
        try (InputStream in = content.open(e)) {
          writer.content(in, e.size(), e.path());
        }
      }
    }
    writer.finish();
    buffered.flush();
    if (gz != null) {
      gz.close(); // writes the trailer and frees the deflater; closing blob only flushes out
    }
    blob.flush();
    Digest diffId = tar.digest();
    return new Written(diffId, tar.count(), gzip ? blob.digest() : diffId, blob.count());
  }
}
