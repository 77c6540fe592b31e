package io.jdock.layer;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32C;

/** Encodes a TOC in the binary form {@link LayerToc} describes. */
final class TocEncoder {
  private final Buffer out = new Buffer();
  private byte[] previousPath = new byte[0];

  /** The whole file: header, entries, CRC32C trailer. */
  static byte[] encode(LayerInfo info, List<LayerEntry> entries) {
    TocEncoder encoder = new TocEncoder();
    encoder.header(info);
    for (LayerEntry e : entries) {
      encoder.entry(e);
    }
    return encoder.finish();
  }

  private void header(LayerInfo info) {
    out.writeBytes(LayerToc.MAGIC);
    out.writeInt(LayerToc.VERSION);
    out.writeBytes(HexFormat.of().parseHex(info.diffId().hex()));
    out.writeVarLong(info.tarSize());
    out.writeVarLong(info.contentSize());
    out.writeVarLong(info.entryCount());
  }

  private void entry(LayerEntry e) {
    byte[] path = e.path().getBytes(StandardCharsets.UTF_8);
    int shared = sharedPrefix(previousPath, path);
    out.writeVarLong(shared);
    out.writeVarLong(path.length - shared);
    out.write(path, shared, path.length - shared);
    previousPath = path;
    out.write(LayerToc.typeCode(e.type()));
    int flags =
        (e.inRootfs() ? LayerToc.IN_ROOTFS : 0)
            | (e.linkTarget() != null ? LayerToc.HAS_LINK : 0)
            | (e.rdev() != 0 ? LayerToc.HAS_RDEV : 0)
            | (e.xattrs().isEmpty() ? 0 : LayerToc.HAS_XATTRS);
    out.write(flags);
    out.writeVarLong(e.mode());
    out.writeVarLong(Integer.toUnsignedLong(e.uid()));
    out.writeVarLong(Integer.toUnsignedLong(e.gid()));
    out.writeVarLong(e.size());
    out.writeVarLong((e.mtimeSec() << 1) ^ (e.mtimeSec() >> 63)); // zigzag: pre-1970 times
    out.writeVarLong(e.mtimeNsec());
    if (e.linkTarget() != null) {
      writeBytes(e.linkTarget().getBytes(StandardCharsets.UTF_8));
    }
    if (e.rdev() != 0) {
      out.writeVarLong(e.rdev());
    }
    if (!e.xattrs().isEmpty()) {
      out.writeVarLong(e.xattrs().size());
      for (Map.Entry<String, byte[]> x : new TreeMap<>(e.xattrs()).entrySet()) {
        writeBytes(x.getKey().getBytes(StandardCharsets.UTF_8));
        writeBytes(x.getValue());
      }
    }
  }

  private byte[] finish() {
    CRC32C crc = new CRC32C();
    crc.update(out.array(), 0, out.size());
    out.writeInt((int) crc.getValue());
    return out.toByteArray();
  }

  private void writeBytes(byte[] bytes) {
    out.writeVarLong(bytes.length);
    out.write(bytes, 0, bytes.length);
  }

  private static int sharedPrefix(byte[] a, byte[] b) {
    int n = Math.min(a.length, b.length);
    int i = 0;
    while (i < n && a[i] == b[i]) {
      i++;
    }
    return i;
  }

  /** A growable byte array with big-endian ints and LEB128 varints. */
  private static final class Buffer extends ByteArrayOutputStream {
    Buffer() {
      super(1 << 16);
    }

    byte[] array() {
      return buf;
    }

    void writeInt(int v) {
      write(v >>> 24);
      write(v >>> 16);
      write(v >>> 8);
      write(v);
    }

    void writeVarLong(long v) {
      while ((v & ~0x7FL) != 0) {
        write((int) ((v & 0x7F) | 0x80));
        v >>>= 7;
      }
      write((int) v);
    }
  }
}
