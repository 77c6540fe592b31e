package io.jdock.cli;

import io.jdock.container.ContainerException;
import io.jdock.container.Containers;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ImageStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jdock run}: creates a container and runs it, attached, or detached with {@code -d}. */
@Command(
    name = "run",
    customSynopsis = "jdock run [OPTIONS] IMAGE [COMMAND] [ARG...]",
    description = "Create and run a new container from an image")
final class RunCommand implements Callable<Integer>, StopsAtPositional {
  @Spec CommandSpec spec;

  @Mixin CreateOptions options;

  @Option(
      names = {"-d", "--detach"},
      description = "Run container in background and print container ID")
  boolean detach;

  @Override
  public Integer call() throws Exception {
    if (!detach) {
      Terminals.checkTty(options.interactive, options.tty);
    }
    try (ImageStore store = Stores.open(spec)) {
      Containers containers = new Containers(store);
      ContainerRecord r;
      try {
        r = containers.create(options.request());
        if (detach) {
          containers.startDetached(r);
          spec.commandLine().getOut().println(r.id());
          spec.commandLine().getOut().flush();
          return 0;
        }
        return containers.runAttached(r, options.interactive);
      } catch (ContainerException e) {
        throw ContainerErrors.ofRun("run", e);
      }
    }
  }
}
