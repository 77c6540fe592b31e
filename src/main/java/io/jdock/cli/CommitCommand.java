package io.jdock.cli;

import io.jdock.container.CommitRequest;
import io.jdock.container.ContainerCommit;
import io.jdock.container.ContainerException;
import io.jdock.container.Containers;
import io.jdock.store.ImageStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jdock commit}: a new image from a container's changes; prints its ID. */
@Command(
    name = "commit",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock commit [OPTIONS] CONTAINER [REPOSITORY[:TAG]]",
    description = "Create a new image from a container's changes")
final class CommitCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-a", "--author"},
      paramLabel = "string",
      description = "Author (e.g., \"John Hannibal Smith <hannibal@a-team.com>\")")
  String author;

  @Option(
      names = {"-c", "--change"},
      paramLabel = "list",
      description = "Apply Dockerfile instruction to the created image")
  List<String> changes = new ArrayList<>();

  @Option(
      names = {"-m", "--message"},
      paramLabel = "string",
      description = "Commit message")
  String message;

  @Option(
      names = {"-p", "--pause"},
      negatable = true,
      defaultValue = "true",
      fallbackValue = "true",
      description = "Pause container during commit (jdock cannot pause: ignored)")
  boolean pause;

  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Parameters(index = "1", arity = "0..1", paramLabel = "REPOSITORY[:TAG]")
  String repository;

  @Override
  public Integer call() throws Exception {
    try (ImageStore store = Stores.open(spec)) {
      var id =
          new ContainerCommit(new Containers(store))
              .commit(
                  new CommitRequest(
                      container,
                      Optional.ofNullable(repository),
                      Optional.ofNullable(message),
                      Optional.ofNullable(author),
                      changes));
      spec.commandLine().getOut().println(id);
    } catch (ContainerException e) {
      throw ContainerErrors.of(e);
    }
    return 0;
  }
}
