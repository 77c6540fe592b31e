package io.jdock.archive;

import com.github.luben.zstd.ZstdOutputStream;
import io.jdock.layer.Compression;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;

/** Compresses test data in each format jdock sniffs. */
final class Compress {
  private Compress() {}

  static byte[] with(Compression compression, byte[] data) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = wrap(compression, bytes)) {
      out.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static OutputStream wrap(Compression compression, OutputStream out) throws IOException {
    return switch (compression) {
      case NONE -> out;
      case GZIP -> new GZIPOutputStream(out);
      case ZSTD -> new ZstdOutputStream(out);
      case BZIP2 -> new BZip2CompressorOutputStream(out);
    };
  }
}
