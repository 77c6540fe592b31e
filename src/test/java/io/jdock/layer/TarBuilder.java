package io.jdock.layer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Builds layer tars in memory for tests, with Commons Compress's writer (independent of jdock's own
 * TarOutput): each method adds an entry, and the modifiers after it (mode, owner, mtime, xattr,
 * pax) change that entry. Names are written exactly as given, absolute and ".." included.
 */
final class TarBuilder {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;
  private TarArchiveEntry pending;
  private byte[] pendingContent = new byte[0];
  private final Map<String, byte[]> pendingPax = new LinkedHashMap<>();

  TarBuilder() {
    tar = new TarArchiveOutputStream(bytes, "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
  }

  /** Long names as GNU 'L'/'K' entries instead of PAX records. */
  TarBuilder gnuLongNames() {
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_GNU);
    return this;
  }

  TarBuilder file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  TarBuilder file(String name, byte[] content) {
    TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL);
    e.setMode(0644);
    e.setSize(content.length);
    return add(e, content);
  }

  TarBuilder dir(String name) {
    TarArchiveEntry e = entry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR);
    e.setMode(0755);
    return add(e, new byte[0]);
  }

  TarBuilder symlink(String name, String target) {
    TarArchiveEntry e = entry(name, TarConstants.LF_SYMLINK);
    e.setLinkName(target);
    e.setMode(0777);
    return add(e, new byte[0]);
  }

  TarBuilder hardlink(String name, String target) {
    TarArchiveEntry e = entry(name, TarConstants.LF_LINK);
    e.setLinkName(target);
    e.setMode(0644);
    return add(e, new byte[0]);
  }

  TarBuilder charDevice(String name, int major, int minor) {
    return device(name, TarConstants.LF_CHR, major, minor);
  }

  TarBuilder blockDevice(String name, int major, int minor) {
    return device(name, TarConstants.LF_BLK, major, minor);
  }

  TarBuilder fifo(String name) {
    TarArchiveEntry e = entry(name, TarConstants.LF_FIFO);
    e.setMode(0644);
    return add(e, new byte[0]);
  }

  /** An entry with any typeflag and no content. */
  TarBuilder typed(String name, byte typeflag) {
    TarArchiveEntry e = entry(name, typeflag);
    e.setMode(0644);
    return add(e, new byte[0]);
  }

  /** An entry with any typeflag and the given data (a GNU 'L' long name, say). */
  TarBuilder raw(String name, byte typeflag, byte[] content) {
    TarArchiveEntry e = entry(name, typeflag);
    e.setSize(content.length);
    return add(e, content);
  }

  TarBuilder mode(int mode) {
    pending.setMode(mode);
    return this;
  }

  TarBuilder owner(int uid, int gid) {
    pending.setUserId(uid);
    pending.setGroupId(gid);
    return this;
  }

  /** Whole seconds in the ustar field; nanoseconds as a PAX mtime record. */
  TarBuilder mtime(long sec, int nsec) {
    pending.setModTime(sec * 1000);
    if (nsec != 0) {
      pax("mtime", sec + "." + String.format("%09d", nsec));
    }
    return this;
  }

  TarBuilder xattr(String name, byte[] value) {
    pendingPax.put("SCHILY.xattr." + name, value);
    return this;
  }

  TarBuilder pax(String key, String value) {
    pendingPax.put(key, value.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  byte[] build() {
    try {
      flush();
      tar.finish();
      tar.close();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private TarBuilder device(String name, byte typeflag, int major, int minor) {
    TarArchiveEntry e = entry(name, typeflag);
    e.setMode(0660);
    e.setDevMajor(major);
    e.setDevMinor(minor);
    return add(e, new byte[0]);
  }

  private static TarArchiveEntry entry(String name, byte typeflag) {
    TarArchiveEntry e = new TarArchiveEntry(name, typeflag, true);
    e.setModTime(1_600_000_000_000L);
    e.setUserId(0);
    e.setGroupId(0);
    return e;
  }

  private TarBuilder add(TarArchiveEntry e, byte[] content) {
    flush();
    pending = e;
    pendingContent = content;
    return this;
  }

  private void flush() {
    if (pending == null) {
      return;
    }
    try {
      if (!pendingPax.isEmpty()) {
        byte[] records = paxRecords();
        TarArchiveEntry x =
            new TarArchiveEntry("PaxHeader", TarConstants.LF_PAX_EXTENDED_HEADER_LC, true);
        x.setSize(records.length);
        x.setModTime(
            0); // a sub-second mtime would make Commons Compress add a PAX header of its own
        tar.putArchiveEntry(x);
        tar.write(records);
        tar.closeArchiveEntry();
        pendingPax.clear();
      }
      tar.putArchiveEntry(pending);
      tar.write(pendingContent);
      tar.closeArchiveEntry();
      pending = null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private byte[] paxRecords() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<String, byte[]> r : pendingPax.entrySet()) {
      byte[] key = r.getKey().getBytes(StandardCharsets.UTF_8);
      int rest = 1 + key.length + 1 + r.getValue().length + 1;
      int length = rest + 1;
      while (length != rest + String.valueOf(length).length()) {
        length++;
      }
      out.write((length + " ").getBytes(StandardCharsets.US_ASCII));
      out.write(key);
      out.write('=');
      out.write(r.getValue());
      out.write('\n');
    }
    return out.toByteArray();
  }
}
