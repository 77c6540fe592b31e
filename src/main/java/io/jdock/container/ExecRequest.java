package io.jdock.container;

import java.util.List;
import java.util.Optional;

/**
 * What {@code jdock exec} asks for.
 *
 * @param env {@code -e} values, added to the container's environment
 * @param detach {@code -d}: start it and return
 */
public record ExecRequest(
    List<String> command,
    List<String> env,
    Optional<String> workdir,
    Optional<String> user,
    boolean tty,
    boolean interactive,
    boolean detach) {
  public ExecRequest {
    command = List.copyOf(command);
    env = List.copyOf(env);
  }
}
