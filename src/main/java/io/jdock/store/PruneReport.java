package io.jdock.store;

import java.util.List;

/** What {@code image prune} removed, and the layer space that freed. */
public record PruneReport(List<RemoveRecord> records, long reclaimedBytes) {
  public PruneReport {
    records = List.copyOf(records);
  }
}
