package io.jdock.registry.pull;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;
import io.jdock.registry.ResolvedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory {@link ImageSink}: committed blobs, partial writes kept for resume, tags. With
 * {@link #followable}, its writers can be followed: the stream waits for the commit, then gives the
 * blob (or fails if there is none).
 */
final class MemorySink implements ImageSink {
  volatile boolean followable;
  final Map<Digest, byte[]> blobs = new ConcurrentHashMap<>();
  final Map<Digest, byte[]> partial = new ConcurrentHashMap<>();
  final Map<String, Digest> tags = new ConcurrentHashMap<>();
  final List<Digest> commits = new CopyOnWriteArrayList<>();
  final List<Digest> aborts = new CopyOnWriteArrayList<>();
  final Set<Digest> images = ConcurrentHashMap.newKeySet();

  @Override
  public boolean has(Digest digest) {
    return blobs.containsKey(digest);
  }

  @Override
  public BlobWriter begin(Descriptor d) {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] held = partial.remove(d.digest());
    if (held != null) {
      buf.writeBytes(held);
    }
    java.util.concurrent.CompletableFuture<byte[]> committed =
        new java.util.concurrent.CompletableFuture<>();
    return new BlobWriter() {
      boolean done;

      @Override
      public java.util.Optional<InputStream> follow() {
        if (!followable) {
          return java.util.Optional.empty();
        }
        return java.util.Optional.of(
            new InputStream() {
              private InputStream bytes;

              private InputStream bytes() throws java.io.IOException {
                if (bytes == null) {
                  try {
                    bytes = new ByteArrayInputStream(committed.get());
                  } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
                    throw new java.io.IOException("the download did not complete", e);
                  }
                }
                return bytes;
              }

              @Override
              public int read() throws java.io.IOException {
                return bytes().read();
              }

              @Override
              public int read(byte[] b, int off, int len) throws java.io.IOException {
                return bytes().read(b, off, len);
              }
            });
      }

      @Override
      public long offset() {
        return buf.size();
      }

      @Override
      public InputStream existing() {
        return new ByteArrayInputStream(buf.toByteArray());
      }

      @Override
      public void write(byte[] b, int off, int len) {
        buf.write(b, off, len);
      }

      @Override
      public void reset() {
        buf.reset();
      }

      @Override
      public void commit() {
        blobs.put(d.digest(), buf.toByteArray());
        commits.add(d.digest());
        done = true;
        committed.complete(buf.toByteArray());
      }

      @Override
      public void abort() {
        buf.reset();
        aborts.add(d.digest());
        done = true;
      }

      @Override
      public void close() {
        committed.completeExceptionally(new java.io.IOException("closed without commit"));
        if (!done && buf.size() > 0) {
          partial.put(d.digest(), buf.toByteArray());
        }
      }
    };
  }

  @Override
  public boolean hasImage(Digest config) {
    return images.contains(config);
  }

  @Override
  public boolean record(ImageReference ref, ResolvedImage image) {
    images.add(image.config().digest());
    Digest old = tags.put(ref.toString(), image.manifestDigest());
    return !image.manifestDigest().equals(old);
  }
}
