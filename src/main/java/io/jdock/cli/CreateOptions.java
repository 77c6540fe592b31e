package io.jdock.cli;

import io.jdock.container.ContainerException;
import io.jdock.container.CreateRequest;
import io.jdock.container.EnvFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The options {@code run} and {@code create} share, and the image and command that follow. */
final class CreateOptions {
  @Option(
      names = {"-i", "--interactive"},
      description = "Keep STDIN open even if not attached")
  boolean interactive;

  @Option(
      names = {"-t", "--tty"},
      description = "Allocate a pseudo-TTY")
  boolean tty;

  @Option(names = "--rm", description = "Automatically remove the container when it exits")
  boolean rm;

  @Option(names = "--name", paramLabel = "string", description = "Assign a name to the container")
  String name;

  @Option(
      names = {"-e", "--env"},
      paramLabel = "list",
      description = "Set environment variables")
  List<String> env = new ArrayList<>();

  @Option(names = "--env-file", paramLabel = "list", description = "Read in a file of env vars")
  List<Path> envFiles = new ArrayList<>();

  @Option(
      names = {"-w", "--workdir"},
      paramLabel = "string",
      description = "Working directory inside the container")
  String workdir;

  @Option(
      names = {"-u", "--user"},
      paramLabel = "string",
      description = "Username or UID (format: <name|uid>[:<group|gid>])")
  String user;

  @Option(
      names = "--entrypoint",
      paramLabel = "string",
      description = "Overwrite the default ENTRYPOINT of the image")
  String entrypoint;

  @Option(
      names = {"-h", "--hostname"},
      paramLabel = "string",
      description = "Container host name")
  String hostname;

  @Option(
      names = {"-v", "--volume"},
      paramLabel = "list",
      description = "Bind mount a volume (HOSTDIR:DIR[:ro])")
  List<String> volumes = new ArrayList<>();

  @Option(names = "--help", usageHelp = true, description = "Print usage")
  boolean help;

  @Parameters(index = "0", paramLabel = "IMAGE")
  String image;

  @Parameters(index = "1..*", paramLabel = "COMMAND", arity = "0..*")
  List<String> command = new ArrayList<>();

  /** The request these options make; env files are read here, as docker's client does. */
  CreateRequest request() throws ContainerException, IOException {
    List<String> allEnv = new ArrayList<>();
    for (Path f : envFiles) {
      String content;
      try {
        content = Files.readString(f);
      } catch (IOException e) {
        throw new ContainerException("open " + f + ": no such file or directory", 1);
      }
      allEnv.addAll(EnvFile.parse(f.toString(), content, System::getenv));
    }
    allEnv.addAll(env);
    return new CreateRequest(
        image,
        Optional.ofNullable(name),
        command,
        Optional.ofNullable(entrypoint),
        allEnv,
        Optional.ofNullable(workdir),
        Optional.ofNullable(user),
        Optional.ofNullable(hostname),
        volumes,
        tty,
        interactive,
        rm);
  }
}
