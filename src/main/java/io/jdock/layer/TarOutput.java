package io.jdock.layer;

import io.jdock.sys.FileMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes {@link LayerEntry} values as POSIX (ustar + PAX) tar headers. A PAX header carries what
 * ustar cannot: long or non-ASCII names and link names, big ids and sizes, nanosecond or
 * out-of-range mtimes, and {@code SCHILY.xattr.*} with raw byte values. Output is deterministic: no
 * user or group names, no atime/ctime.
 */
final class TarOutput {
  private static final int BLOCK = 512;
  private static final long MAX_OCTAL_7 = 07777777L;
  private static final long MAX_OCTAL_11 = 077777777777L;

  private final OutputStream out;
  private final byte[] copyBuffer = new byte[1 << 16];

  TarOutput(OutputStream out) {
    this.out = out;
  }

  /** The header(s) of an entry; a regular file's content must follow via {@link #content}. */
  void header(LayerEntry e) throws IOException {
    String name = tarName(e);
    String link =
        e.type() == EntryType.SYMLINK || e.type() == EntryType.HARDLINK ? e.linkTarget() : "";
    long size = e.type() == EntryType.REGULAR ? e.size() : 0;
    long uid = Integer.toUnsignedLong(e.uid());
    long gid = Integer.toUnsignedLong(e.gid());
    Map<String, byte[]> pax = new LinkedHashMap<>();
    if (!fitsUstar(name)) {
      pax.put("path", utf8(name));
    }
    if (!fitsUstar(link)) {
      pax.put("linkpath", utf8(link));
    }
    putIfBig(pax, "uid", uid, MAX_OCTAL_7);
    putIfBig(pax, "gid", gid, MAX_OCTAL_7);
    putIfBig(pax, "size", size, MAX_OCTAL_11);
    boolean mtimeFits = e.mtimeSec() >= 0 && e.mtimeSec() <= MAX_OCTAL_11;
    if (!mtimeFits || e.mtimeNsec() != 0) {
      pax.put("mtime", utf8(paxTime(e.mtimeSec(), e.mtimeNsec())));
    }
    // A hard link's xattrs are its inode's, which the entry it links to already carries.
    Map<String, byte[]> xattrs = e.type() == EntryType.HARDLINK ? Map.of() : e.xattrs();
    for (Map.Entry<String, byte[]> x : new TreeMap<>(xattrs).entrySet()) {
      pax.put(PaxRecords.XATTR_PREFIX + x.getKey(), x.getValue());
    }
    if (!pax.isEmpty()) {
      byte[] records = paxRecords(pax);
      writeBlock(ustar("././@PaxHeader", 'x', 0644, 0, 0, records.length, 0, "", 0));
      out.write(records);
      pad(records.length);
    }
    long mtime = mtimeFits ? e.mtimeSec() : 0;
    writeBlock(ustar(name, typeflag(e.type()), e.mode(), uid, gid, size, mtime, link, e.rdev()));
  }

  /** Exactly {@code size} bytes of content from {@code in}, then padding. */
  void content(InputStream in, long size, String path) throws IOException {
    long left = size;
    while (left > 0) {
      int n = in.read(copyBuffer, 0, (int) Math.min(copyBuffer.length, left));
      if (n < 0) {
        throw new IOException("writing layer tar: " + path + " is shorter than its size " + size);
      }
      out.write(copyBuffer, 0, n);
      left -= n;
    }
    pad(size);
  }

  /** The end-of-archive marker: two zero blocks. */
  void finish() throws IOException {
    out.write(new byte[2 * BLOCK]);
  }

  static String tarName(LayerEntry e) {
    if (e.type() == EntryType.DIRECTORY) {
      return e.path().isEmpty() ? "./" : e.path() + "/";
    }
    return e.path();
  }

  private static char typeflag(EntryType type) {
    return switch (type) {
      case REGULAR, WHITEOUT, OPAQUE -> '0';
      case HARDLINK -> '1';
      case SYMLINK -> '2';
      case CHAR_DEVICE -> '3';
      case BLOCK_DEVICE -> '4';
      case DIRECTORY -> '5';
      case FIFO -> '6';
    };
  }

  private static byte[] ustar(
      String name,
      char type,
      int mode,
      long uid,
      long gid,
      long size,
      long mtime,
      String link,
      long rdev) {
    byte[] h = new byte[BLOCK];
    text(h, 0, 100, name);
    octal(h, 100, 8, mode & FileMode.PERMISSIONS);
    octal(h, 108, 8, uid <= MAX_OCTAL_7 ? uid : 0);
    octal(h, 116, 8, gid <= MAX_OCTAL_7 ? gid : 0);
    octal(h, 124, 12, size <= MAX_OCTAL_11 ? size : 0);
    octal(h, 136, 12, mtime);
    Arrays.fill(h, 148, 156, (byte) ' ');
    h[156] = (byte) type;
    text(h, 157, 100, link);
    text(h, 257, 8, "ustar\0" + "00");
    if (type == '3' || type == '4') {
      octal(h, 329, 8, FileMode.major(rdev));
      octal(h, 337, 8, FileMode.minor(rdev));
    }
    int sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    return h;
  }

  /** PAX records "LEN key=value\n", where LEN counts the whole record including itself. */
  static byte[] paxRecords(Map<String, byte[]> records) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> r : records.entrySet()) {
      byte[] key = utf8(r.getKey());
      int body = 1 + key.length + 1 + r.getValue().length + 1;
      int length = body + Integer.toString(body).length();
      if (Integer.toString(length).length() != Integer.toString(body).length()) {
        length = body + Integer.toString(length).length();
      }
      b.write(utf8(length + " "));
      b.write(key);
      b.write('=');
      b.write(r.getValue());
      b.write('\n');
    }
    return b.toByteArray();
  }

  private static String paxTime(long sec, int nsec) {
    if (nsec == 0) {
      return Long.toString(sec);
    }
    // A negative time with a fraction: -1.25 is 1.25 s before the epoch, i.e. sec -2 + 0.75.
    long whole = sec < 0 ? sec + 1 : sec;
    int frac = sec < 0 ? 1_000_000_000 - nsec : nsec;
    String sign = sec < 0 && whole == 0 ? "-" : "";
    StringBuilder digits = new StringBuilder(Integer.toString(frac));
    while (digits.length() < 9) {
      digits.insert(0, '0');
    }
    while (digits.charAt(digits.length() - 1) == '0') {
      digits.setLength(digits.length() - 1);
    }
    return sign + whole + "." + digits;
  }

  private static boolean fitsUstar(String s) {
    return s.length() <= 100 && s.chars().allMatch(c -> c > 0 && c < 0x80);
  }

  private static void putIfBig(Map<String, byte[]> pax, String key, long value, long max) {
    if (value > max) {
      pax.put(key, utf8(Long.toString(value)));
    }
  }

  private static void text(byte[] h, int offset, int length, String s) {
    byte[] bytes = utf8(s);
    System.arraycopy(bytes, 0, h, offset, Math.min(bytes.length, length));
  }

  /** {@code length - 1} zero-padded octal digits and a NUL. */
  private static void octal(byte[] h, int offset, int length, long value) {
    String digits = Long.toOctalString(value);
    int width = length - 1;
    for (int i = 0; i < width; i++) {
      int d = i - (width - digits.length());
      h[offset + i] = (byte) (d < 0 ? '0' : digits.charAt(d));
    }
    h[offset + width] = 0;
  }

  private void writeBlock(byte[] block) throws IOException {
    out.write(block);
  }

  private void pad(long size) throws IOException {
    int rest = (int) (size % BLOCK);
    if (rest != 0) {
      out.write(new byte[BLOCK - rest]);
    }
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
