package io.jdock.registry.pull;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.registry.RegistryClient;
import io.jdock.registry.RegistryException;
import io.jdock.registry.RetryPolicy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Streams one blob into a {@link BlobWriter}, hashing as it goes. A connection that breaks mid-body
 * is resumed with {@code Range: bytes=<n>-}; only a 206 whose Content-Range starts at n is
 * appended, a 200 restarts from 0. Digest and size are checked at the end: a mismatch aborts the
 * writer (nothing committed) and is never retried (xfer/download.go, reference section 2).
 */
final class BlobDownload {
  private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
  private static final int BUFFER = 64 * 1024;

  /** Download progress of one blob. */
  interface Progress {
    void bytes(long downloaded);

    void verifying();
  }

  private final RegistryClient client;
  private final RetryPolicy retry;

  BlobDownload(RegistryClient client, RetryPolicy retry) {
    this.client = client;
    this.retry = retry;
  }

  void fetch(Descriptor d, BlobWriter w, Progress progress) throws IOException {
    MessageDigest md = Digest.newSha256();
    long written = rehash(d, w, md);
    int failures = 0;
    long furthest = written;
    byte[] buffer = new byte[BUFFER];
    while (true) {
      HttpResponse<InputStream> r = client.openBlob(d.digest(), written);
      if (written > 0 && !resumes(r, written)) {
        w.reset();
        md.reset();
        written = 0;
        if (r.statusCode() != 200) {
          r.body().close();
          continue;
        }
      }
      IOException broken = null;
      InputStream in = r.body();
      try {
        while (true) {
          int n;
          try {
            n = in.read(buffer);
          } catch (IOException e) {
            broken = e;
            break;
          }
          if (n < 0) {
            break;
          }
          if (written + n > d.size()) {
            w.abort();
            throw mismatch(d, "more than " + d.size() + " bytes received");
          }
          md.update(buffer, 0, n);
          w.write(buffer, 0, n);
          written += n;
          progress.bytes(written);
        }
      } finally {
        closeQuietly(in);
      }
      if (broken == null && written == d.size()) {
        break;
      }
      if (Thread.currentThread().isInterrupted() || broken instanceof InterruptedIOException) {
        throw new InterruptedIOException("download of " + d.digest() + " canceled");
      }
      // Only new ground counts as progress: a server that ignores Range and breaks again
      // must not keep the download going for ever.
      failures = written > furthest ? 1 : failures + 1;
      furthest = Math.max(furthest, written);
      if (failures >= retry.maxAttempts()) {
        String why = broken != null ? String.valueOf(broken.getMessage()) : "unexpected EOF";
        throw RegistryException.transport(
            "downloading "
                + d.digest()
                + ": "
                + why
                + " ("
                + written
                + " of "
                + d.size()
                + " bytes)",
            broken);
      }
      sleep(failures);
    }
    progress.verifying();
    Digest actual = Digest.fromMessageDigest(md.digest());
    if (!actual.equals(d.digest())) {
      w.abort();
      throw mismatch(d, "got " + actual);
    }
    w.commit();
  }

  /** Hashes the bytes a writer already holds; returns how many. */
  private static long rehash(Descriptor d, BlobWriter w, MessageDigest md) throws IOException {
    long held = w.offset();
    if (held <= 0 || held > d.size()) {
      if (held != 0) {
        w.reset();
      }
      return 0;
    }
    byte[] buffer = new byte[BUFFER];
    long left = held;
    try (InputStream in = w.existing()) {
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          w.reset();
          md.reset();
          return 0;
        }
        md.update(buffer, 0, n);
        left -= n;
      }
    }
    return held;
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // a broken connection may fail to close as well; what was read stands
    }
  }

  private static boolean resumes(HttpResponse<InputStream> r, long offset) {
    if (r.statusCode() != 206) {
      return false;
    }
    Matcher m = CONTENT_RANGE.matcher(r.headers().firstValue("Content-Range").orElse(""));
    return m.matches() && Long.parseLong(m.group(1)) == offset;
  }

  private void sleep(int failures) throws InterruptedIOException {
    try {
      retry.sleeper().sleep(retry.backoff(failures));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("download canceled");
    }
  }

  /** docker's words exactly (moby xfer/download.go); what was wrong is in the cause. */
  private static RegistryException mismatch(Descriptor d, String detail) {
    return new RegistryException(
        "filesystem layer verification failed for digest " + d.digest(),
        RegistryException.Kind.INVALID_CONTENT,
        java.util.OptionalInt.empty(),
        java.util.List.of(),
        new java.io.IOException(detail));
  }
}
