package io.jdock.container;

import io.jdock.layer.LayerTarWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** A directory written as a gzipped layer tar on one thread and read as a stream on another. */
final class LayerPipe {
  private static final int BUFFER = 1 << 20;

  private final PipedInputStream in;
  private final CompletableFuture<LayerTarWriter.Written> result;

  private LayerPipe(PipedInputStream in, CompletableFuture<LayerTarWriter.Written> result) {
    this.in = in;
    this.result = result;
  }

  static LayerPipe start(Path dir) throws IOException {
    PipedInputStream in = new PipedInputStream(BUFFER);
    PipedOutputStream out = new PipedOutputStream(in);
    CompletableFuture<LayerTarWriter.Written> result = new CompletableFuture<>();
    Thread t =
        new Thread(
            () -> {
              try (out) {
                result.complete(LayerTarWriter.writeTree(dir, out, true));
              } catch (IOException | RuntimeException e) {
                result.completeExceptionally(e);
              }
            },
            "commit-layer");
    t.setDaemon(true);
    t.start();
    return new LayerPipe(in, result);
  }

  InputStream input() {
    return in;
  }

  LayerTarWriter.Written await() throws IOException {
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while writing the layer", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
    }
  }
}
