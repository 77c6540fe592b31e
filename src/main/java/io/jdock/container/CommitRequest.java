package io.jdock.container;

import java.util.List;
import java.util.Optional;

/**
 * What {@code jdock commit} asks for.
 *
 * @param repository {@code REPOSITORY[:TAG]} to tag the new image with
 * @param changes Dockerfile instructions ({@code -c})
 */
public record CommitRequest(
    String container,
    Optional<String> repository,
    Optional<String> message,
    Optional<String> author,
    List<String> changes) {
  public CommitRequest {
    changes = List.copyOf(changes);
  }
}
