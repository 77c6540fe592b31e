package io.jdock.store;

import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;

/** One line of {@code docker rmi} output: {@code Untagged: <ref>} or {@code Deleted: <id>}. */
public sealed interface RemoveRecord {
  /** The line docker prints. */
  String line();

  /** A reference was removed; printed in its familiar form ({@code ubuntu:latest}). */
  record Untagged(ImageReference reference) implements RemoveRecord {
    @Override
    public String line() {
      return "Untagged: " + reference.familiarString();
    }
  }

  /** An image was deleted. */
  record DeletedImage(Digest id) implements RemoveRecord {
    @Override
    public String line() {
      return "Deleted: " + id;
    }
  }

  /**
   * A layer no remaining image, container or mount uses; {@code size} is what it took. docker names
   * it by its chain ID (the diff_id for a base layer).
   */
  record DeletedLayer(Digest diffId, Digest chainId, long size) implements RemoveRecord {
    @Override
    public String line() {
      return "Deleted: " + chainId;
    }
  }
}
