package io.jdock.cli;

import io.jdock.cli.format.Units;
import io.jdock.container.ContainerException;
import io.jdock.container.ContainerLogs;
import io.jdock.container.Containers;
import io.jdock.store.ImageStore;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jdock logs}: a container's output, as its log kept it. */
@Command(
    name = "logs",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock logs [OPTIONS] CONTAINER",
    description = "Fetch the logs of a container")
final class LogsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--follow"},
      description = "Follow log output")
  boolean follow;

  @Option(
      names = {"-n", "--tail"},
      paramLabel = "string",
      defaultValue = "all",
      description = "Number of lines to show from the end of the logs")
  String tail;

  @Option(
      names = {"-t", "--timestamps"},
      description = "Show timestamps")
  boolean timestamps;

  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Override
  public Integer call() throws Exception {
    OptionalInt lines = OptionalInt.empty();
    if (!tail.equals("all")) {
      try {
        lines = OptionalInt.of(Math.max(0, Integer.parseInt(tail)));
      } catch (NumberFormatException e) {
        throw new UserException(
            "invalid value for \"tail\": strconv.Atoi: parsing \"" + tail + "\": invalid syntax",
            1);
      }
    }
    try (ImageStore store = Stores.open(spec)) {
      new ContainerLogs(new Containers(store))
          .write(
              container,
              follow,
              lines,
              timestamps ? Optional.of(e -> Units.rfc3339Nano(e.time())) : Optional.empty(),
              new FileOutputStream(FileDescriptor.out),
              new FileOutputStream(FileDescriptor.err));
    } catch (ContainerException e) {
      throw ContainerErrors.of(e);
    }
    return 0;
  }
}
