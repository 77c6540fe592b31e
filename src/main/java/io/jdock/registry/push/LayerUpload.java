package io.jdock.registry.push;

import io.jdock.oci.Descriptor;
import io.jdock.registry.BlobUploads;
import io.jdock.registry.RegistryClient;
import io.jdock.registry.RegistryException;
import io.jdock.registry.RetryPolicy;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.URI;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Puts one blob into a repository, the cheapest way first: nothing if the registry has it (HEAD), a
 * cross-repository mount if the source knows another repository of this registry holding it, else
 * an upload, whole or in chunks. Temporary failures restart the upload, a bounded number of times.
 */
final class LayerUpload {
  /** How the blob got there. */
  sealed interface Outcome {
    /** docker's line for a layer that ended this way. */
    PushEvent event(String id);

    record Existed() implements Outcome {
      public PushEvent event(String id) {
        return new PushEvent.Layer(id, PushEvent.LayerStatus.ALREADY_EXISTS);
      }
    }

    record Mounted(String from) implements Outcome {
      public PushEvent event(String id) {
        return new PushEvent.Mounted(id, from);
      }
    }

    record Uploaded() implements Outcome {
      public PushEvent event(String id) {
        return new PushEvent.Layer(id, PushEvent.LayerStatus.PUSHED);
      }
    }
  }

  private final RegistryClient client;
  private final BlobUploads uploads;
  private final BlobSource source;
  private final long chunkSize;
  private final RetryPolicy retry;

  LayerUpload(RegistryClient client, BlobSource source, long chunkSize, RetryPolicy retry) {
    this.client = client;
    this.uploads = new BlobUploads(client);
    this.source = source;
    this.chunkSize = chunkSize;
    this.retry = retry;
  }

  Outcome put(Descriptor d, String domain, LongConsumer progress) throws IOException {
    for (int attempt = 1; ; attempt++) {
      try {
        return once(d, domain, progress);
      } catch (RegistryException e) {
        if (!e.isTemporary() || attempt >= retry.maxAttempts()) {
          throw e;
        }
        try {
          retry.sleeper().sleep(retry.backoff(attempt));
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new InterruptedIOException("push canceled");
        }
      }
    }
  }

  private Outcome once(Descriptor d, String domain, LongConsumer progress) throws IOException {
    if (client.blobSize(d.digest()).isPresent()) {
      return new Outcome.Existed();
    }
    Optional<URI> location = Optional.empty();
    for (String from : source.knownRepositories(d.digest(), domain)) {
      if (from.equals(client.repository())) {
        continue;
      }
      BlobUploads.Start start = uploads.start(d.digest(), Optional.of(from));
      if (start.mounted()) {
        return new Outcome.Mounted(from);
      }
      location = start.location();
      break;
    }
    URI at =
        location.isPresent()
            ? location.get()
            : uploads.start(d.digest(), Optional.empty()).location().orElseThrow();
    if (d.size() <= chunkSize) {
      uploads.putWhole(
          at,
          d.digest(),
          d.size(),
          BlobUploads.opener(() -> counting(source.open(d.digest()), progress)));
    } else {
      chunked(at, d, progress);
    }
    return new Outcome.Uploaded();
  }

  private void chunked(URI at, Descriptor d, LongConsumer progress) throws IOException {
    byte[] chunk = new byte[(int) Math.min(chunkSize, Integer.MAX_VALUE - 8)];
    long offset = 0;
    try (InputStream in = source.open(d.digest())) {
      while (true) {
        int n = in.readNBytes(chunk, 0, chunk.length);
        if (n <= 0) {
          break;
        }
        at = uploads.patch(at, offset, chunk, n);
        offset += n;
        progress.accept(offset);
      }
    }
    uploads.close(at, d.digest());
  }

  private static InputStream counting(InputStream in, LongConsumer progress) {
    return new FilterInputStream(in) {
      long sent;

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
          sent += n;
          progress.accept(sent);
        }
        return n;
      }
    };
  }
}
