package io.jdock.store;

import java.util.List;

/**
 * How a container runs on this host, as docker's {@code HostConfig} and the terminal flags of its
 * {@code Config} say it.
 *
 * @param hostname the container's host name (empty: its short ID)
 * @param tty a pseudo-terminal ({@code -t})
 * @param openStdin standard input kept open ({@code -i})
 * @param autoRemove removed when it exits ({@code --rm})
 * @param binds bind mounts, as given: {@code HOSTDIR:DIR[:ro]}
 */
public record ContainerHostConfig(
    String hostname, boolean tty, boolean openStdin, boolean autoRemove, List<String> binds) {
  /** No terminal, no stdin, kept after exit, no binds, the default host name. */
  public static final ContainerHostConfig DEFAULT =
      new ContainerHostConfig("", false, false, false, List.of());

  public ContainerHostConfig {
    hostname = hostname == null ? "" : hostname;
    binds = binds == null ? List.of() : List.copyOf(binds);
  }
}
