package io.jdock.registry.pull;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import java.io.IOException;

/**
 * Where pulled blobs go; the image store implements it. Writers may be used from several download
 * threads at once (one writer per blob). A layer is complete when its writer's {@link
 * BlobWriter#commit()} returns, in whatever order downloads finish.
 */
public interface BlobSink {
  /** True if the blob is stored already (it is then skipped: "Already exists"). */
  boolean has(Digest digest) throws IOException;

  /** Starts, or resumes, writing the blob {@code d} (digest and size known). */
  BlobWriter begin(Descriptor d) throws IOException;

  /** Stores small verified content whole (configs, manifests, indexes); idempotent. */
  default void put(Descriptor d, byte[] raw) throws IOException {
    try (BlobWriter w = begin(d)) {
      if (w.offset() > 0) {
        w.reset();
      }
      w.write(raw, 0, raw.length);
      w.commit();
    }
  }
}
