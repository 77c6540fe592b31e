package io.jdock.layer;

import io.jdock.oci.InvalidContentException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A layer's table of contents: its {@link LayerInfo} and every {@link LayerEntry} in tar order
 * (each path once, as extraction left it; the root first), with the image's real owners, modes,
 * device numbers and xattrs, which the union presents whatever the extracting user could create.
 *
 * <p>File format, version 1 (all integers LEB128 varints unless said otherwise): magic {@code
 * JDOCKTOC}, version (u32 big-endian), diff_id (32 raw sha256 bytes), tar size, content size, entry
 * count; then per entry: path as (bytes shared with the previous path, suffix length, suffix
 * UTF-8), type code (u8), flags (u8: 1 in rootfs, 2 link target, 4 rdev, 8 xattrs), mode, uid, gid,
 * size, mtime seconds (zigzag), mtime nanoseconds, then the flagged fields (link target as length +
 * UTF-8, rdev, xattr count + (name, value) pairs as length + bytes, sorted by name); a CRC32C (u32
 * big-endian) of everything before it ends the file.
 */
public final class LayerToc {
  /** A TOC as read back. */
  public record Toc(LayerInfo info, List<LayerEntry> entries) {}

  static final byte[] MAGIC = {'J', 'D', 'O', 'C', 'K', 'T', 'O', 'C'};
  static final int VERSION = 1;
  static final int IN_ROOTFS = 1;
  static final int HAS_LINK = 2;
  static final int HAS_RDEV = 4;
  static final int HAS_XATTRS = 8;

  /** Type codes are part of the format: never reorder, only append. */
  private static final EntryType[] TYPES = {
    EntryType.REGULAR,
    EntryType.DIRECTORY,
    EntryType.SYMLINK,
    EntryType.HARDLINK,
    EntryType.CHAR_DEVICE,
    EntryType.BLOCK_DEVICE,
    EntryType.FIFO,
    EntryType.WHITEOUT,
    EntryType.OPAQUE
  };

  private LayerToc() {}

  /** Writes a TOC atomically: a temp file beside {@code file}, fsync, rename. */
  public static void write(Path file, LayerInfo info, List<LayerEntry> entries) throws IOException {
    if (info.entryCount() != entries.size()) {
      throw new IllegalArgumentException(
          "LayerInfo says " + info.entryCount() + " entries, got " + entries.size());
    }
    byte[] bytes = TocEncoder.encode(info, entries);
    Path temp =
        file.resolveSibling(
            file.getFileName()
                + ".tmp-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    try {
      try (FileChannel ch =
          FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        while (buf.hasRemaining()) {
          ch.write(buf);
        }
        ch.force(true);
      }
      Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** Reads a TOC; a damaged, truncated or foreign file gives an InvalidContentException. */
  public static Toc read(Path file) throws IOException {
    long size = Files.size(file);
    if (size > Integer.MAX_VALUE - 16) {
      throw new InvalidContentException("corrupt layer TOC " + file + ": " + size + " bytes");
    }
    return TocDecoder.decode(Files.readAllBytes(file), file.toString());
  }

  static int typeCode(EntryType type) {
    for (int i = 0; i < TYPES.length; i++) {
      if (TYPES[i] == type) {
        return i;
      }
    }
    throw new IllegalArgumentException("no TOC code for " + type);
  }

  /** The type of a code, or null for an unknown one. */
  static EntryType typeOf(int code) {
    return code < TYPES.length ? TYPES[code] : null;
  }
}
