package io.jdock.cli;

import io.jdock.container.ContainerDiff;
import io.jdock.container.ContainerException;
import io.jdock.container.Containers;
import io.jdock.store.ImageStore;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jdock diff}: the files a container added (A), changed (C) or deleted (D). */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock diff CONTAINER",
    description = "Inspect changes to files or directories on a container's filesystem")
final class DiffCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Override
  public Integer call() throws Exception {
    try (ImageStore store = Stores.open(spec)) {
      Containers c = new Containers(store);
      PrintWriter out = spec.commandLine().getOut();
      for (ContainerDiff.Change change : ContainerDiff.of(store, c.find(container))) {
        out.println(change);
      }
      out.flush();
    } catch (ContainerException e) {
      throw ContainerErrors.of(e);
    }
    return 0;
  }
}
