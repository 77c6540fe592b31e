package io.jdock.store;

/**
 * The store's space for {@code system df}: images (their layers counted once), containers (their
 * upper dirs) and extracted layers.
 */
public record DiskUsage(Usage images, Usage containers, Usage layers) {
  /**
   * One row of {@code system df}.
   *
   * @param active images used by a container or mount; running containers; layers some image uses
   * @param reclaimable what removing the inactive ones would free
   */
  public record Usage(int total, int active, long size, long reclaimable) {}
}
