package io.jdock.layer;

import io.jdock.oci.InvalidContentException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Commons Compress's tar reader, plus what it lacks: the raw bytes of the PAX headers before an
 * entry (for binary xattr values), whether a GNU long name was absolute (Commons Compress strips
 * the leading "/" of long names, so they would pass for relative), and a size limit on PAX headers
 * and GNU long names so a hostile tar cannot make it allocate gigabytes (Go's archive/tar uses the
 * same 1 MiB limit).
 */
final class LayerTarInputStream extends TarArchiveInputStream {
  static final int MAX_SPECIAL_ENTRY = 1 << 20;

  private final ByteArrayOutputStream pax = new ByteArrayOutputStream();
  private boolean absoluteLongName;

  LayerTarInputStream(InputStream in) {
    super(in, StandardCharsets.UTF_8.name());
  }

  /** The next entry, with the raw PAX data that preceded it available from {@link #pax()}. */
  TarArchiveEntry nextEntry() throws IOException {
    pax.reset();
    absoluteLongName = false;
    return getNextEntry();
  }

  /** True if the current entry's name came from a GNU long name starting with "/". */
  boolean absoluteLongName() {
    return absoluteLongName;
  }

  /** The raw PAX extended header data read for the current entry (empty if none). */
  ByteArrayOutputStream pax() {
    return pax;
  }

  @Override
  public int read(byte[] buf, int offset, int length) throws IOException {
    TarArchiveEntry current = getCurrentEntry();
    boolean paxData = current != null && current.isPaxHeader();
    if (current != null && (paxData || current.isGlobalPaxHeader())) {
      checkSpecialSize(current);
    }
    int n = super.read(buf, offset, length);
    if (paxData && n > 0) {
      pax.write(buf, offset, n);
    }
    return n;
  }

  @Override
  protected byte[] getLongNameData() throws IOException {
    checkSpecialSize(getCurrentEntry());
    boolean name = getCurrentEntry().isGNULongNameEntry();
    // Reads the long name, then the entry it names (which becomes the current entry).
    byte[] data = super.getLongNameData();
    if (name && data != null && data.length > 0 && data[0] == '/') {
      absoluteLongName = true;
    }
    return data;
  }

  private static void checkSpecialSize(TarArchiveEntry entry) throws InvalidContentException {
    if (entry.getSize() > MAX_SPECIAL_ENTRY) {
      throw new InvalidContentException(
          "invalid layer tar: a "
              + entry.getSize()
              + "-byte extended header exceeds the limit of "
              + MAX_SPECIAL_ENTRY
              + " bytes");
    }
  }
}
