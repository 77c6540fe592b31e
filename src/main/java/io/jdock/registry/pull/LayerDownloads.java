package io.jdock.registry.pull;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.registry.RegistryClient;
import io.jdock.registry.RetryPolicy;
import io.jdock.registry.pull.PullEvent.LayerStatus;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The layer downloads of one image: layers the sink has are "Already exists", the others are
 * downloaded by at most N threads (the rest "Waiting"), each blob once even if listed twice. {@link
 * #await(Digest)} lets the puller take layers in order while later ones still download; {@link
 * #close()} cancels whatever is still running.
 */
final class LayerDownloads implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ExecutorService pool;
  private final Map<Digest, CompletableFuture<Boolean>> downloads = new LinkedHashMap<>();

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
      d.pool.execute(() -> run(download, layer, sink, events, done));
    }
    return d;
  }

  private static void run(
      BlobDownload download,
      Descriptor layer,
      BlobSink sink,
      PullListener events,
      CompletableFuture<Boolean> done) {
    String id = id(layer);
    try (BlobWriter w = sink.begin(layer)) {
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
    }
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
  }

  static String id(Descriptor layer) {
    return layer.digest().shortHex();
  }
}
