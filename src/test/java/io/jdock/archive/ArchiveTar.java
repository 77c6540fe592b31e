package io.jdock.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Builds tars in memory for tests (archives and layers alike), with Commons Compress's writer.
 * Names are written exactly as given, absolute and ".." included.
 */
final class ArchiveTar {
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final TarArchiveOutputStream tar;

  ArchiveTar() {
    tar = new TarArchiveOutputStream(bytes, "UTF-8");
    tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
  }

  ArchiveTar file(String name, String content) {
    return file(name, content.getBytes(StandardCharsets.UTF_8));
  }

  ArchiveTar file(String name, byte[] content) {
    TarArchiveEntry e = entry(name, TarConstants.LF_NORMAL);
    e.setSize(content.length);
    return put(e, content);
  }

  ArchiveTar dir(String name) {
    return put(entry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR), new byte[0]);
  }

  ArchiveTar symlink(String name, String target) {
    TarArchiveEntry e = entry(name, TarConstants.LF_SYMLINK);
    e.setLinkName(target);
    return put(e, new byte[0]);
  }

  ArchiveTar hardlink(String name, String target) {
    TarArchiveEntry e = entry(name, TarConstants.LF_LINK);
    e.setLinkName(target);
    return put(e, new byte[0]);
  }

  byte[] build() {
    try {
      tar.finish();
      tar.close();
      return bytes.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static TarArchiveEntry entry(String name, byte type) {
    TarArchiveEntry e = new TarArchiveEntry(name, type, true);
    e.setMode(type == TarConstants.LF_DIR ? 0755 : 0644);
    e.setModTime(1_704_164_645_000L);
    return e;
  }

  private ArchiveTar put(TarArchiveEntry e, byte[] content) {
    try {
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
      return this;
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
