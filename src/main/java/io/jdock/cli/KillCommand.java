package io.jdock.cli;

import io.jdock.container.ContainerControl;
import io.jdock.container.Containers;
import io.jdock.store.ImageStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jdock kill}: a signal (SIGKILL by default) to running containers. */
@Command(
    name = "kill",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock kill [OPTIONS] CONTAINER [CONTAINER...]",
    description = "Kill one or more running containers")
final class KillCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-s", "--signal"},
      paramLabel = "string",
      defaultValue = "KILL",
      description = "Signal to send to the container")
  String signal;

  @Parameters(index = "0..*", arity = "1..*", paramLabel = "CONTAINER")
  List<String> containers;

  @Override
  public Integer call() throws Exception {
    try (ImageStore store = Stores.open(spec)) {
      ContainerControl control = new ContainerControl(new Containers(store));
      return EachContainer.code(
          EachContainer.run(
              containers,
              spec.commandLine().getOut(),
              spec.commandLine().getErr(),
              arg -> control.kill(arg, signal)));
    }
  }
}
