package io.jdock.cli;

import io.jdock.container.ContainerException;
import io.jdock.container.Containers;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ContainerState;
import io.jdock.store.ImageStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jdock start}: runs created or exited containers in the background; with {@code -a} one of
 * them in the foreground, attached, returning its exit code.
 */
@Command(
    name = "start",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock start [OPTIONS] CONTAINER [CONTAINER...]",
    description = "Start one or more stopped containers")
final class StartCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-a", "--attach"},
      description = "Attach STDOUT/STDERR and forward signals")
  boolean attach;

  @Option(
      names = {"-i", "--interactive"},
      description = "Attach container's STDIN")
  boolean interactive;

  @Parameters(index = "0..*", arity = "1..*", paramLabel = "CONTAINER")
  List<String> containers;

  @Override
  public Integer call() throws Exception {
    if ((attach || interactive) && containers.size() > 1) {
      throw new UserException("you cannot start and attach multiple containers at once");
    }
    try (ImageStore store = Stores.open(spec)) {
      Containers c = new Containers(store);
      if (attach || interactive) {
        try {
          ContainerRecord r = c.find(containers.get(0));
          if (r.state() instanceof ContainerState.Running) {
            return 0;
          }
          Terminals.checkTty(interactive, r.hostConfig().tty());
          return c.runAttached(r, interactive);
        } catch (ContainerException e) {
          throw new DaemonStyleError(e.getMessage(), e.exitCode() == 1 ? 1 : e.exitCode());
        }
      }
      List<String> failed =
          EachContainer.run(
              containers,
              spec.commandLine().getOut(),
              spec.commandLine().getErr(),
              arg -> {
                ContainerRecord r = c.find(arg);
                if (!(r.state() instanceof ContainerState.Running)) {
                  c.startDetached(r);
                }
              });
      if (!failed.isEmpty()) {
        spec.commandLine()
            .getErr()
            .println("Error: failed to start containers: " + String.join(", ", failed));
      }
      return EachContainer.code(failed);
    }
  }
}
