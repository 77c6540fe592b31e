package io.jdock.layer;

import com.github.luben.zstd.ZstdInputStream;
import io.jdock.oci.InvalidContentException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The compression of a layer blob, recognised by its magic bytes rather than by its media type
 * (image-spec layer.md: gzip {@code 1f 8b}, zstd {@code 28 b5 2f fd}; bzip2 {@code BZh} for {@code
 * import}); anything else is read as a plain tar.
 */
public enum Compression {
  NONE,
  GZIP,
  ZSTD,
  BZIP2;

  private static final int SNIFF_LENGTH = 6;
  private static final int BUFFER = 1 << 16;

  /** The compression whose magic bytes start {@code head} (the first {@code length} bytes). */
  public static Compression of(byte[] head, int length) throws InvalidContentException {
    if (startsWith(head, length, 0x1f, 0x8b)) {
      return GZIP;
    }
    if (startsWith(head, length, 0x28, 0xb5, 0x2f, 0xfd)) {
      return ZSTD;
    }
    if (startsWith(head, length, 'B', 'Z', 'h')) {
      return BZIP2;
    }
    if (startsWith(head, length, 0xfd, '7', 'z', 'X', 'Z', 0x00)) {
      throw new InvalidContentException("xz compressed layers are not supported");
    }
    return NONE;
  }

  /** Peeks at the first bytes of a stream that supports mark/reset, leaving it unread. */
  public static Compression sniff(InputStream in) throws IOException {
    in.mark(SNIFF_LENGTH);
    byte[] head = in.readNBytes(SNIFF_LENGTH);
    in.reset();
    return of(head, head.length);
  }

  /**
   * Returns the decompressed content of {@code raw}, whatever its (sniffed) compression. Closing
   * the result closes {@code raw}.
   */
  public static InputStream decompress(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    Compression c = sniff(in);
    // Decompressing is the costliest step of extraction: it runs on a thread of its own.
    return c == NONE ? in : new ReadAheadInputStream(c.decompressing(in));
  }

  /** Wraps a stream of this compression in a decompressing stream. */
  public InputStream decompressing(InputStream in) throws IOException {
    return switch (this) {
      case NONE -> in;
      // Concatenated gzip members are one stream (pigz, appended layers), as Go reads them.
      case GZIP ->
          GzipCompressorInputStream.builder()
              .setInputStream(in)
              .setDecompressConcatenated(true)
              .get();
      case ZSTD -> new BufferedInputStream(new ZstdInputStream(in), BUFFER);
      case BZIP2 -> new BZip2CompressorInputStream(in, true);
    };
  }

  /**
   * A gzip-compressing stream with a fixed header (no name, mtime 0), so the same tar always gives
   * the same blob. {@code finish()} it to write the trailer without closing {@code out}.
   */
  public static GZIPOutputStream gzip(OutputStream out) throws IOException {
    return new GZIPOutputStream(out, BUFFER);
  }

  private static boolean startsWith(byte[] head, int length, int... magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xff) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
