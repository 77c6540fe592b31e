package io.jdock.registry.pull;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.registry.RegistryClient;
import io.jdock.registry.RetryPolicy;
import io.jdock.registry.pull.PullEvent.LayerStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The layer downloads of one image: layers the sink has are "Already exists", the others are
 * downloaded by at most N threads (the rest "Waiting"), each blob once even if listed twice. {@link
 * #await(Digest)} lets the puller take layers in order while later ones still download, {@link
 * #follow(Digest)} lets it read one as it downloads; {@link #close()} cancels whatever is still
 * running.
 */
final class LayerDownloads implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ExecutorService pool;
  private final Map<Digest, CompletableFuture<Boolean>> downloads = new LinkedHashMap<>();
  private final Map<Digest, CompletableFuture<Optional<InputStream>>> followers =
      new ConcurrentHashMap<>();

  private LayerDownloads(int concurrency) {
    this.pool =
        Executors.newFixedThreadPool(
            concurrency,
            r -> {
              Thread t = new Thread(r, "jdock-download-" + THREADS.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
  }

  /** Emits the first statuses of every layer and starts the downloads. */
  static LayerDownloads start(
      List<Descriptor> layers,
      BlobSink sink,
      RegistryClient client,
      RetryPolicy retry,
      int concurrency,
      PullListener events)
      throws IOException {
    LayerDownloads d = new LayerDownloads(concurrency);
    List<Descriptor> todo = new ArrayList<>();
    for (Descriptor layer : layers) {
      if (d.downloads.containsKey(layer.digest())) {
        continue;
      }
      if (sink.has(layer.digest())) {
        d.downloads.put(layer.digest(), CompletableFuture.completedFuture(false));
        events.onEvent(new PullEvent.Layer(id(layer), LayerStatus.ALREADY_EXISTS));
      } else {
        d.downloads.put(layer.digest(), new CompletableFuture<>());
        d.followers.put(layer.digest(), new CompletableFuture<>());
        todo.add(layer);
      }
    }
    todo.forEach(l -> events.onEvent(new PullEvent.Layer(id(l), LayerStatus.PULLING_FS_LAYER)));
    for (int i = concurrency; i < todo.size(); i++) {
      events.onEvent(new PullEvent.Layer(id(todo.get(i)), LayerStatus.WAITING));
    }
    BlobDownload download = new BlobDownload(client, retry);
    for (Descriptor layer : todo) {
      CompletableFuture<Boolean> done = d.downloads.get(layer.digest());
      CompletableFuture<Optional<InputStream>> follower = d.followers.get(layer.digest());
      d.pool.execute(() -> run(download, layer, sink, events, done, follower));
    }
    return d;
  }

  private static void run(
      BlobDownload download,
      Descriptor layer,
      BlobSink sink,
      PullListener events,
      CompletableFuture<Boolean> done,
      CompletableFuture<Optional<InputStream>> follower) {
    String id = id(layer);
    try (BlobWriter w = sink.begin(layer)) {
      follower.complete(followQuietly(w));
      download.fetch(
          layer,
          w,
          new BlobDownload.Progress() {
            @Override
            public void bytes(long n) {
              events.onEvent(
                  new PullEvent.Progress(id, PullEvent.Phase.DOWNLOADING, n, layer.size()));
            }

            @Override
            public void verifying() {
              events.onEvent(new PullEvent.Layer(id, LayerStatus.VERIFYING_CHECKSUM));
            }
          });
      events.onEvent(new PullEvent.Layer(id, LayerStatus.DOWNLOAD_COMPLETE));
      done.complete(true);
    } catch (IOException | RuntimeException e) {
      done.completeExceptionally(e);
    } finally {
      follower.complete(Optional.empty());
    }
  }

  private static Optional<InputStream> followQuietly(BlobWriter w) {
    try {
      return w.follow();
    } catch (IOException e) {
      return Optional.empty(); // the layer is extracted from the stored blob instead
    }
  }

  /**
   * The layer's blob as its download writes it, once the download has begun; empty if the sink had
   * it, its writer cannot show it, or it was taken before. The caller closes it.
   */
  Optional<LiveBlob> follow(Digest digest) throws IOException {
    CompletableFuture<Optional<InputStream>> f = followers.remove(digest);
    if (f == null) {
      return Optional.empty();
    }
    Optional<InputStream> in;
    try {
      in = f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("pull canceled");
    } catch (ExecutionException e) {
      return Optional.empty();
    }
    return in.map(
        stream ->
            new LiveBlob() {
              @Override
              public InputStream stream() {
                return stream;
              }

              @Override
              public void awaitStored() throws IOException {
                await(digest);
              }

              @Override
              public void close() throws IOException {
                stream.close();
              }
            });
  }

  /** True once the layer's download ended (or the sink had it). */
  boolean isDone(Digest digest) {
    return downloads.get(digest).isDone();
  }

  /** Waits for a layer; true if it was downloaded now, false if the sink had it. */
  boolean await(Digest digest) throws IOException {
    try {
      return downloads.get(digest).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("pull canceled");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      throw new IOException(cause.getMessage(), cause);
    }
  }

  /** Stops the downloads still running (their writers are closed without commit). */
  @Override
  public void close() {
    pool.shutdownNow();
    for (CompletableFuture<Optional<InputStream>> f : followers.values()) {
      f.thenAccept(in -> in.ifPresent(LayerDownloads::closeQuietly));
    }
  }

  private static void closeQuietly(InputStream in) {
    try {
      in.close();
    } catch (IOException e) {
      // a reader of a temp file; nothing was written through it
    }
  }

  static String id(Descriptor layer) {
    return layer.digest().shortHex();
  }
}
