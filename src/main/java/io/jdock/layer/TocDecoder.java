package io.jdock.layer;

import io.jdock.oci.Digest;
import io.jdock.oci.InvalidContentException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * Decodes the binary TOC {@link LayerToc} describes, from one byte array: the checksum first, then
 * every field bounds-checked, so corrupt input gives an InvalidContentException, never an
 * IndexOutOfBounds or a huge allocation.
 */
final class TocDecoder {
  private static final int MIN_ENTRY_BYTES = 11;

  private final byte[] data;
  private final int limit;
  private final String file;
  private int pos;
  private byte[] path = new byte[256];
  private int pathLength;

  private TocDecoder(byte[] data, String file) {
    this.data = data;
    this.limit = data.length - 4;
    this.file = file;
  }

  static LayerToc.Toc decode(byte[] data, String file) throws InvalidContentException {
    TocDecoder d = new TocDecoder(data, file);
    d.checkFrame();
    LayerInfo info = d.header();
    List<LayerEntry> entries = new ArrayList<>(info.entryCount());
    for (int i = 0; i < info.entryCount(); i++) {
      entries.add(d.entry());
    }
    if (d.pos != d.limit) {
      throw d.corrupt((d.limit - d.pos) + " bytes after the last entry");
    }
    return new LayerToc.Toc(info, entries);
  }

  private void checkFrame() throws InvalidContentException {
    if (data.length < LayerToc.MAGIC.length + 8
        || !Arrays.equals(
            data, 0, LayerToc.MAGIC.length, LayerToc.MAGIC, 0, LayerToc.MAGIC.length)) {
      throw corrupt("not a layer TOC");
    }
    pos = LayerToc.MAGIC.length;
    int version = readInt();
    if (version != LayerToc.VERSION) {
      throw corrupt("unsupported TOC version " + version);
    }
    CRC32C crc = new CRC32C();
    crc.update(data, 0, limit);
    int stored = ((data[limit] & 0xff) << 24) | ((data[limit + 1] & 0xff) << 16);
    stored |= ((data[limit + 2] & 0xff) << 8) | (data[limit + 3] & 0xff);
    if ((int) crc.getValue() != stored) {
      throw corrupt("checksum mismatch (truncated or damaged)");
    }
  }

  private LayerInfo header() throws InvalidContentException {
    need(32);
    Digest diffId = Digest.sha256Hex(HexFormat.of().formatHex(data, pos, pos + 32));
    pos += 32;
    long tarSize = readVarLong();
    long contentSize = readVarLong();
    long count = readVarLong();
    if (tarSize < 0 || contentSize < 0) {
      throw corrupt("invalid sizes");
    }
    if (count > (limit - pos) / MIN_ENTRY_BYTES) {
      throw corrupt("entry count " + count + " exceeds the file");
    }
    return new LayerInfo(diffId, tarSize, contentSize, (int) count);
  }

  private LayerEntry entry() throws InvalidContentException {
    readPath();
    String entryPath = new String(path, 0, pathLength, StandardCharsets.UTF_8);
    EntryType type = LayerToc.typeOf(readByte());
    if (type == null) {
      throw corrupt("unknown entry type at " + entryPath);
    }
    int flags = readByte();
    long mode = readVarLong();
    long uid = readVarLong();
    long gid = readVarLong();
    long size = readVarLong();
    long zigzag = readVarLong();
    long nsec = readVarLong();
    if (mode > 07777
        || size < 0
        || uid > 0xFFFF_FFFFL
        || gid > 0xFFFF_FFFFL
        || nsec >= 1_000_000_000L) {
      throw corrupt("invalid attributes of " + entryPath);
    }
    String link = (flags & LayerToc.HAS_LINK) != 0 ? readString() : null;
    long rdev = (flags & LayerToc.HAS_RDEV) != 0 ? readVarLong() : 0;
    Map<String, byte[]> xattrs = (flags & LayerToc.HAS_XATTRS) != 0 ? readXattrs() : Map.of();
    return new LayerEntry(
        entryPath,
        type,
        (int) mode,
        (int) uid,
        (int) gid,
        size,
        (zigzag >>> 1) ^ -(zigzag & 1),
        (int) nsec,
        link,
        rdev,
        xattrs,
        (flags & LayerToc.IN_ROOTFS) != 0);
  }

  private void readPath() throws InvalidContentException {
    long shared = readVarLong();
    long suffix = readVarLong();
    if (shared > pathLength || suffix > limit - pos) {
      throw corrupt("invalid path encoding");
    }
    int length = (int) (shared + suffix);
    if (length > path.length) {
      path = Arrays.copyOf(path, Math.max(length, path.length * 2));
    }
    System.arraycopy(data, pos, path, (int) shared, (int) suffix);
    pos += (int) suffix;
    pathLength = length;
  }

  private Map<String, byte[]> readXattrs() throws InvalidContentException {
    long count = readVarLong();
    if (count > limit - pos) {
      throw corrupt("invalid xattr count");
    }
    Map<String, byte[]> xattrs = new HashMap<>();
    for (long i = 0; i < count; i++) {
      String name = readString();
      xattrs.put(name, readBytes());
    }
    return xattrs;
  }

  private String readString() throws InvalidContentException {
    byte[] bytes = readBytes();
    return new String(bytes, StandardCharsets.UTF_8);
  }

  private byte[] readBytes() throws InvalidContentException {
    long length = readVarLong();
    if (length > limit - pos) {
      throw corrupt("length " + length + " exceeds the file");
    }
    byte[] bytes = Arrays.copyOfRange(data, pos, pos + (int) length);
    pos += (int) length;
    return bytes;
  }

  private int readByte() throws InvalidContentException {
    need(1);
    return data[pos++] & 0xff;
  }

  private int readInt() throws InvalidContentException {
    need(4);
    int v = ((data[pos] & 0xff) << 24) | ((data[pos + 1] & 0xff) << 16);
    v |= ((data[pos + 2] & 0xff) << 8) | (data[pos + 3] & 0xff);
    pos += 4;
    return v;
  }

  private long readVarLong() throws InvalidContentException {
    long value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      need(1);
      byte b = data[pos++];
      value |= (long) (b & 0x7F) << shift;
      if (b >= 0) {
        return value;
      }
    }
    throw corrupt("invalid number");
  }

  private void need(int n) throws InvalidContentException {
    if (limit - pos < n) {
      throw corrupt("truncated");
    }
  }

  private InvalidContentException corrupt(String detail) {
    return new InvalidContentException("corrupt layer TOC " + file + ": " + detail);
  }
}
