package io.jdock.archive;

import io.jdock.oci.Digest;
import io.jdock.store.TempSpace;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;

/** Copies a stream into the store's temp dir, hashing it on the way. */
final class Spools {
  private Spools() {}

  /** Copies {@code in} to the end into a new temp file named after {@code name}. */
  static SpooledFile copy(String name, InputStream in, TempSpace temp) throws IOException {
    Path path = temp.newPath("spool");
    MessageDigest sha256 = Digest.newSha256();
    long size = 0;
    try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW)) {
      byte[] buffer = new byte[1 << 16];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        sha256.update(buffer, 0, n);
        out.write(buffer, 0, n);
        size += n;
      }
    }
    return new SpooledFile(name, path, size, Digest.fromMessageDigest(sha256.digest()));
  }
}
