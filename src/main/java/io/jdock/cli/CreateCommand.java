package io.jdock.cli;

import io.jdock.container.ContainerException;
import io.jdock.container.Containers;
import io.jdock.store.ImageStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code jdock create}: a container that {@code start} runs later; prints its ID. */
@Command(
    name = "create",
    customSynopsis = "jdock create [OPTIONS] IMAGE [COMMAND] [ARG...]",
    description = "Create a new container")
final class CreateCommand implements Callable<Integer>, StopsAtPositional {
  @Spec CommandSpec spec;

  @Mixin CreateOptions options;

  @Override
  public Integer call() throws Exception {
    try (ImageStore store = Stores.open(spec)) {
      try {
        String id = new Containers(store).create(options.request()).id();
        spec.commandLine().getOut().println(id);
      } catch (ContainerException e) {
        throw ContainerErrors.ofRun("create", e);
      }
    }
    return 0;
  }
}
