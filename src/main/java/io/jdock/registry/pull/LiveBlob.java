package io.jdock.registry.pull;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * A layer's blob while its download writes it: {@link #stream()} gives the bytes as they come
 * (unverified until {@link #awaitStored()} returns), so extraction can run beside the download.
 */
public interface LiveBlob extends Closeable {
  /** The bytes from the start; a read waits for the download. */
  InputStream stream();

  /** Returns once the blob is downloaded, verified and stored; throws the download's failure. */
  void awaitStored() throws IOException;
}
