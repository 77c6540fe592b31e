package io.jdock.container;

import java.util.List;
import java.util.Optional;

/**
 * What {@code jdock create} and {@code run} ask for (docker's {@code Config} and {@code HostConfig}
 * as the CLI fills them).
 *
 * @param image the image as the user names it
 * @param command the command and its arguments; empty: the image's {@code Cmd}
 * @param entrypoint {@code --entrypoint}: replaces the image's (an empty string clears it)
 * @param env {@code --env-file} lines then {@code -e} values, in order ({@code KEY} alone: taken
 *     from jdock's environment, or removed from the image's when unset there)
 * @param binds {@code -v HOSTDIR:DIR[:ro]}
 */
public record CreateRequest(
    String image,
    Optional<String> name,
    List<String> command,
    Optional<String> entrypoint,
    List<String> env,
    Optional<String> workdir,
    Optional<String> user,
    Optional<String> hostname,
    List<String> binds,
    boolean tty,
    boolean interactive,
    boolean autoRemove) {
  public CreateRequest {
    command = List.copyOf(command);
    env = List.copyOf(env);
    binds = List.copyOf(binds);
  }
}
