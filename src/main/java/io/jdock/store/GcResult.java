package io.jdock.store;

import io.jdock.oci.Digest;
import java.util.List;

/** What a garbage collection deleted: blobs, and extracted layers by diff_id. */
public record GcResult(List<Digest> blobs, List<Digest> layers) {
  public GcResult {
    blobs = List.copyOf(blobs);
    layers = List.copyOf(layers);
  }
}
