package io.jdock.registry.pull;

/**
 * Receives a pull's events. The puller calls it from one thread at a time (download threads are
 * serialised), so implementations need no locking.
 */
@FunctionalInterface
public interface PullListener {
  /** Ignores everything. */
  PullListener NONE = e -> {};

  void onEvent(PullEvent event);
}
