package io.jdock.cli;

import io.jdock.container.ContainerControl;
import io.jdock.container.Containers;
import io.jdock.store.ImageStore;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jdock stop}: the stop signal, then SIGKILL after the timeout. */
@Command(
    name = "stop",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock stop [OPTIONS] CONTAINER [CONTAINER...]",
    description = "Stop one or more running containers")
final class StopCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-t", "--timeout"},
      paramLabel = "int",
      defaultValue = "10",
      description = "Seconds to wait before killing the container")
  int timeout;

  @Option(
      names = {"-s", "--signal"},
      paramLabel = "string",
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
              arg -> control.stop(arg, timeout, Optional.ofNullable(signal))));
    }
  }
}
