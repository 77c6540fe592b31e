package io.jdock.registry.push;

/** Receives a push's events, one at a time (upload threads are serialised). */
@FunctionalInterface
public interface PushListener {
  PushListener NONE = e -> {};

  void onEvent(PushEvent event);
}
