package io.jdock.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.Date;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes the entries of an archive tar as docker's {@code save} does: owner 0:0 without names,
 * directories 0755, files 0644, the mtime given; PAX headers only where ustar falls short. The
 * caller decides the order (sorted, for a reproducible archive).
 */
final class ArchiveTarWriter {
  /** No padding beyond the end-of-archive records, as Go's archive/tar writes them. */
  private static final int RECORD = 512;

  private final TarArchiveOutputStream tar;

  ArchiveTarWriter(OutputStream out) {
    tar = new TarArchiveOutputStream(out, RECORD, "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    tar.setAddPaxHeadersForNonAsciiNames(true);
  }

  void directory(String name, Instant mtime) throws IOException {
    TarArchiveEntry e = entry(name + "/", TarConstants.LF_DIR, 0755, mtime);
    tar.putArchiveEntry(e);
    tar.closeArchiveEntry();
  }

  void file(String name, byte[] content, Instant mtime) throws IOException {
    TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL, 0644, mtime);
    e.setSize(content.length);
    tar.putArchiveEntry(e);
    tar.write(content);
    tar.closeArchiveEntry();
  }

  /**
   * A file of {@code size} bytes copied from {@code content}, which must hold exactly that many.
   */
  void file(String name, long size, InputStream content, Instant mtime) throws IOException {
    TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL, 0644, mtime);
    e.setSize(size);
    tar.putArchiveEntry(e);
    byte[] buffer = new byte[1 << 16];
    long copied = 0;
    for (int n; (n = content.read(buffer)) > 0; ) {
      copied += n;
      if (copied > size) {
        throw new IOException("saving " + name + ": longer than its " + size + " bytes");
      }
      tar.write(buffer, 0, n);
    }
    if (copied != size) {
      throw new IOException("saving " + name + ": " + copied + " bytes instead of " + size);
    }
    tar.closeArchiveEntry();
  }

  private static TarArchiveEntry entry(String name, byte type, int mode, Instant mtime) {
    TarArchiveEntry e = new TarArchiveEntry(name, type);
    e.setMode(mode);
    e.setIds(0, 0);
    e.setUserName("");
    e.setGroupName("");
    e.setModTime(Date.from(mtime));
    return e;
  }

  /** Writes the end-of-archive marker; does not close the output. */
  void finish() throws IOException {
    tar.finish();
    tar.flush();
  }
}
