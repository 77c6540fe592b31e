package io.jdock.layer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads its source on a thread of its own, a few chunks ahead of the reader: decompressing a layer
 * then runs on one core while hashing, tar parsing and writing files run on another. Errors of the
 * source reach the reader at the point where they happened; closing stops the thread.
 */
final class ReadAheadInputStream extends InputStream {
  private static final int CHUNK = 256 * 1024;
  private static final int AHEAD = 8;
  private static final byte[] END = new byte[0];

  private final InputStream source;
  private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(AHEAD);
  private final Thread reader;
  private volatile IOException failure;
  private volatile boolean closed;
  private byte[] current = new byte[0];
  private int currentLength;
  private int position;
  private boolean ended;

  ReadAheadInputStream(InputStream source) {
    this.source = source;
    this.reader = new Thread(this::fill, "jdock-read-ahead");
    reader.setDaemon(true);
    reader.start();
  }

  /** The thread: reads chunks until the end, an error, or close; always ends with END. */
  private void fill() {
    try {
      while (!closed) {
        byte[] chunk = new byte[CHUNK];
        int n = source.readNBytes(chunk, 0, CHUNK);
        if (n <= 0) {
          break;
        }
        if (n < CHUNK) {
          byte[] last = new byte[n];
          System.arraycopy(chunk, 0, last, 0, n);
          chunk = last;
        }
        chunks.put(chunk);
      }
    } catch (IOException e) {
      failure = e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      failure = new IOException(e.toString(), e);
    }
    try {
      chunks.put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean nextChunk() throws IOException {
    if (ended) {
      return false;
    }
    try {
      byte[] chunk = chunks.take();
      if (chunk == END) {
        ended = true;
        if (failure != null) {
          throw failure;
        }
        return false;
      }
      current = chunk;
      currentLength = chunk.length;
      position = 0;
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while reading a layer");
    }
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xff;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    if (len == 0) {
      return 0;
    }
    if (position == currentLength && !nextChunk()) {
      return -1;
    }
    int n = Math.min(len, currentLength - position);
    System.arraycopy(current, position, b, off, n);
    position += n;
    return n;
  }

  @Override
  public void close() throws IOException {
    closed = true;
    reader.interrupt();
    try {
      reader.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    source.close();
  }
}
