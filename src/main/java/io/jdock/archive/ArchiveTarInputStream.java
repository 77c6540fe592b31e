package io.jdock.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Commons Compress's tar reader with a size limit on PAX headers and GNU long names, so a hostile
 * archive cannot make it allocate gigabytes (Go's archive/tar uses the same 1 MiB limit).
 */
final class ArchiveTarInputStream extends TarArchiveInputStream {
  private static final int MAX_SPECIAL_ENTRY = 1 << 20;

  ArchiveTarInputStream(InputStream in) {
    super(in, StandardCharsets.UTF_8.name());
  }

  @Override
  public int read(byte[] buf, int offset, int length) throws IOException {
    TarArchiveEntry current = getCurrentEntry();
    if (current != null && (current.isPaxHeader() || current.isGlobalPaxHeader())) {
      checkSpecialSize(current);
    }
    return super.read(buf, offset, length);
  }

  @Override
  protected byte[] getLongNameData() throws IOException {
    checkSpecialSize(getCurrentEntry());
    return super.getLongNameData();
  }

  private static void checkSpecialSize(TarArchiveEntry entry) throws InvalidArchiveException {
    if (entry.getSize() > MAX_SPECIAL_ENTRY) {
      throw new InvalidArchiveException(
          "invalid archive: a "
              + entry.getSize()
              + "-byte extended tar header exceeds the limit of "
              + MAX_SPECIAL_ENTRY
              + " bytes");
    }
  }
}
