package io.jdock.store;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/** The state of a container: created (never started), running, or exited. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "status")
@JsonSubTypes({
  @JsonSubTypes.Type(value = ContainerState.Created.class, name = "created"),
  @JsonSubTypes.Type(value = ContainerState.Running.class, name = "running"),
  @JsonSubTypes.Type(value = ContainerState.Exited.class, name = "exited")
})
public sealed interface ContainerState {
  /** Created and never started. */
  record Created() implements ContainerState {}

  /** Started; {@code pid} is the container's process (it may have died without a record update). */
  record Running(long pid, Instant started) implements ContainerState {}

  /** Ran and exited with {@code exitCode}. */
  record Exited(int exitCode, Instant started, Instant finished) implements ContainerState {}
}
