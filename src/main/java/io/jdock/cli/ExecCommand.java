package io.jdock.cli;

import io.jdock.container.ContainerException;
import io.jdock.container.ContainerExec;
import io.jdock.container.Containers;
import io.jdock.container.ExecRequest;
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

/** {@code jdock exec}: runs a command in a running container. */
@Command(
    name = "exec",
    customSynopsis = "jdock exec [OPTIONS] CONTAINER COMMAND [ARG...]",
    description = "Execute a command in a running container")
final class ExecCommand implements Callable<Integer>, StopsAtPositional {
  @Spec CommandSpec spec;

  @Option(
      names = {"-d", "--detach"},
      description = "Detached mode: run command in the background")
  boolean detach;

  @Option(
      names = {"-i", "--interactive"},
      description = "Keep STDIN open even if not attached")
  boolean interactive;

  @Option(
      names = {"-t", "--tty"},
      description = "Allocate a pseudo-TTY")
  boolean tty;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "list",
      description = "Set environment variables")
  List<String> env = new ArrayList<>();

  @Option(
      names = {"-w", "--workdir"},
      paramLabel = "string",
      description = "Working directory inside the container")
  String workdir;

  @Option(
      names = {"-u", "--user"},
      paramLabel = "string",
      description = "Username or UID (format: \"<name|uid>[:<group|gid>]\")")
  String user;

  @Option(names = "--help", usageHelp = true, description = "Print usage")
  boolean help;

  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "COMMAND")
  List<String> command = new ArrayList<>();

  @Override
  public Integer call() throws Exception {
    if (!detach) {
      Terminals.checkTty(interactive, tty);
    }
    try (ImageStore store = Stores.open(spec)) {
      return new ContainerExec(new Containers(store))
          .exec(
              container,
              new ExecRequest(
                  command,
                  env,
                  Optional.ofNullable(workdir),
                  Optional.ofNullable(user),
                  tty,
                  interactive,
                  detach));
    } catch (ContainerException e) {
      throw new DaemonStyleError(e.getMessage(), e.exitCode());
    }
  }
}
