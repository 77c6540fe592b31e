package io.jdock.cli;

import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The top-level {@code jdock} command: global options and the list of subcommands. */
@Command(
    name = "jdock",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "A daemonless tool for container images: pull and load images into a local store,",
      "mount any of them as a FUSE union filesystem, and run commands in them."
    },
    subcommands = {
      RunCommand.class,
      PsCommand.class,
      PullCommand.class,
      PushCommand.class,
      ImagesCommand.class,
      LoginCommand.class,
      LogoutCommand.class,
      MountCommand.class,
      UmountCommand.class,
      MountsCommand.class,
      OverlayCommand.class,
      ImageCommand.class,
      ContainerCommand.class,
      SystemCommand.class,
      CommitCommand.class,
      ContainerMonitorCommand.class,
      CreateCommand.class,
      DiffCommand.class,
      ExecCommand.class,
      ExportCommand.class,
      ImportCommand.class,
      InspectCommand.class,
      KillCommand.class,
      LoadCommand.class,
      LogsCommand.class,
      MountServerCommand.class,
      RmCommand.class,
      RmiCommand.class,
      SaveCommand.class,
      StartCommand.class,
      StopCommand.class,
      TagCommand.class,
      CompletionCommand.class,
    })
public final class JdockCommand implements Runnable {

  @Option(
      names = "--root",
      paramLabel = "DIR",
      scope = ScopeType.INHERIT,
      description =
          "Store root (default: $JDOCK_ROOT, else /var/lib/jdock for root, else"
              + " $XDG_DATA_HOME/jdock)")
  Path root;

  @Option(
      names = {"-D", "--debug"},
      scope = ScopeType.INHERIT,
      description = "Print stack traces of errors")
  boolean debug;

  /** The store root given with --root, if any. */
  public Optional<Path> root() {
    return Optional.ofNullable(root);
  }

  public boolean debug() {
    return debug;
  }

  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  /** Without a command, jdock prints its help, as docker does. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
