package io.jdock.cli;

import io.jdock.container.ContainerException;
import io.jdock.container.Containers;
import io.jdock.container.ServerLauncher;
import io.jdock.store.ImageStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The hidden command of the background process that runs one detached container. */
@Command(name = Containers.MONITOR_COMMAND, hidden = true)
final class ContainerMonitorCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = ServerLauncher.NOTIFY_OPTION, hidden = true)
  boolean notifyReady;

  @Parameters(index = "0", paramLabel = "ID")
  String id;

  @Override
  public Integer call() throws Exception {
    try (ImageStore store = Stores.open(spec)) {
      new Containers(store).monitor(id, notifyReady ? ServerLauncher::notifyReady : () -> {});
    } catch (ContainerException e) {
      throw new UserException(e.getMessage(), e.exitCode());
    }
    return 0;
  }
}
