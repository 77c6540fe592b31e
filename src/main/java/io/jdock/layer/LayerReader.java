package io.jdock.layer;

import io.jdock.oci.InvalidContentException;
import io.jdock.sys.FileMode;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * Iterates the entries of an uncompressed layer tar as {@link LayerEntry} values: PAX and GNU long
 * names, PAX mtimes with nanoseconds, {@code SCHILY.xattr.*} xattrs as raw bytes, normalised and
 * checked paths, whiteout markers classified, AUFS metadata skipped
 * (https://github.com/opencontainers/image-spec/blob/main/layer.md).
 *
 * <p>Checks here are those one entry allows (names, link targets, whiteout names); checks that need
 * the entries before it (symlink parents) belong to extraction.
 */
public final class LayerReader implements Closeable {
  /**
   * One tar entry.
   *
   * @param tarName the name as the tar has it, for messages
   * @param entry the entry; a hard link's target is normalised but not yet resolved
   * @param sparse true for GNU/PAX sparse files, whose {@link #content()} has the holes as zeros
   */
  public record Item(String tarName, LayerEntry entry, boolean sparse) {}

  private final LayerTarInputStream tar;
  private final InputStream content;

  /** Reads {@code uncompressedTar}; closing this reader closes it. */
  public LayerReader(InputStream uncompressedTar) {
    this.tar = new LayerTarInputStream(uncompressedTar);
    this.content = new ContentStream(tar);
  }

  /** The next entry, or empty at the end of the tar. */
  public Optional<Item> next() throws IOException {
    while (true) {
      TarArchiveEntry e;
      try {
        e = tar.nextEntry();
      } catch (InvalidContentException ex) {
        throw ex;
      } catch (IOException ex) {
        throw invalidTar(ex);
      }
      if (e == null) {
        return Optional.empty();
      }
      ByteArrayOutputStream raw = tar.pax();
      Map<String, byte[]> pax = PaxRecords.parse(raw.toByteArray(), raw.size(), e.getName());
      String name = nameAsWritten(e, pax);
      String path = TarPaths.normalize(name);
      if (!TarPaths.isAufsMetadata(path)) {
        return Optional.of(new Item(name, toEntry(e, name, path, pax), e.isSparse()));
      }
    }
  }

  /** The data of the current entry (a regular file's content); not to be closed. */
  public InputStream content() {
    return content;
  }

  @Override
  public void close() throws IOException {
    tar.close();
  }

  /** The entry's name with the leading "/" Commons Compress strips from long names put back. */
  private String nameAsWritten(TarArchiveEntry e, Map<String, byte[]> pax) {
    byte[] paxPath = pax.get("path");
    boolean absolute =
        paxPath != null ? paxPath.length > 0 && paxPath[0] == '/' : tar.absoluteLongName();
    return absolute && !e.getName().startsWith("/") ? "/" + e.getName() : e.getName();
  }

  private LayerEntry toEntry(TarArchiveEntry e, String name, String path, Map<String, byte[]> pax)
      throws IOException {
    Optional<EntryType> marker = TarPaths.markerType(name, path);
    EntryType type = marker.isPresent() ? marker.get() : typeOf(e);
    Instant mtime = e.getLastModifiedTime().toInstant();
    String link =
        switch (type) {
          case SYMLINK -> symlinkTarget(name, e.getLinkName());
          case HARDLINK -> TarPaths.hardLinkTarget(name, e.getLinkName());
          default -> null;
        };
    boolean device = type == EntryType.CHAR_DEVICE || type == EntryType.BLOCK_DEVICE;
    Map<String, byte[]> xattrs = PaxRecords.xattrs(pax, name);
    return new LayerEntry(
        path,
        type,
        e.getMode() & FileMode.PERMISSIONS,
        id(name, "uid", e.getLongUserId()),
        id(name, "gid", e.getLongGroupId()),
        type == EntryType.REGULAR ? e.getRealSize() : 0,
        mtime.getEpochSecond(),
        mtime.getNano(),
        link,
        device ? FileMode.makedev(e.getDevMajor(), e.getDevMinor()) : 0,
        xattrs,
        true);
  }

  private static EntryType typeOf(TarArchiveEntry e) throws InvalidContentException {
    if (e.isDirectory()) {
      return EntryType.DIRECTORY;
    }
    return switch (e.getLinkFlag()) {
      case '0', '\0', '7', 'S' -> EntryType.REGULAR;
      case '1' -> EntryType.HARDLINK;
      case '2' -> EntryType.SYMLINK;
      case '3' -> EntryType.CHAR_DEVICE;
      case '4' -> EntryType.BLOCK_DEVICE;
      case '5', 'D' -> EntryType.DIRECTORY;
      case '6' -> EntryType.FIFO;
      default ->
          throw new InvalidContentException(
              "unsupported layer entry \""
                  + e.getName()
                  + "\": unknown tar entry type '"
                  + (char) e.getLinkFlag()
                  + "'");
    };
  }

  private static String symlinkTarget(String name, String target) throws InvalidContentException {
    if (target.isEmpty() || target.indexOf('\0') >= 0) {
      throw new InvalidContentException(
          "invalid layer entry \"" + name + "\": invalid symlink target \"" + target + "\"");
    }
    return target;
  }

  private static int id(String name, String what, long value) throws InvalidContentException {
    if (value < 0 || value >= 0xFFFF_FFFFL) {
      throw new InvalidContentException(
          "invalid layer entry \"" + name + "\": " + what + " " + value + " out of range");
    }
    return (int) value;
  }

  private static InvalidContentException invalidTar(IOException e) {
    return new InvalidContentException("invalid layer tar: " + e.getMessage(), e);
  }

  /** The current entry's data; read errors of the tar become InvalidContentException. */
  private static final class ContentStream extends FilterInputStream {
    ContentStream(InputStream tar) {
      super(tar);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (InvalidContentException e) {
        throw e;
      } catch (IOException e) {
        throw invalidTar(e);
      }
    }

    @Override
    public int read(byte[] buf, int offset, int length) throws IOException {
      try {
        return in.read(buf, offset, length);
      } catch (InvalidContentException e) {
        throw e;
      } catch (IOException e) {
        throw invalidTar(e);
      }
    }

    @Override
    public void close() {
      // The tar owns the stream; an entry's data ends where the entry ends.
    }
  }
}
