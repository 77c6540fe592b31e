package io.jdock.cli;

import io.jdock.container.Containers;
import io.jdock.store.ImageStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jdock rm}: removes containers (reference doc section 1.11). */
@Command(
    name = "rm",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock rm [OPTIONS] CONTAINER [CONTAINER...]",
    description = "Remove one or more containers")
class RmCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--force"},
      description = "Force the removal of a running container (uses SIGKILL)")
  boolean force;

  @Option(
      names = {"-v", "--volumes"},
      description = "Remove anonymous volumes associated with the container (jdock has none)")
  boolean volumes;

  @Parameters(index = "0..*", arity = "1..*", paramLabel = "CONTAINER")
  List<String> containers;

  @Override
  public Integer call() throws Exception {
    try (ImageStore store = Stores.open(spec)) {
      Containers c = new Containers(store);
      return EachContainer.code(
          EachContainer.run(
              containers,
              spec.commandLine().getOut(),
              spec.commandLine().getErr(),
              force,
              arg -> c.remove(arg, force)));
    }
  }
}
