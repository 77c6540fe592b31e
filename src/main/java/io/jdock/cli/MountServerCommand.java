package io.jdock.cli;

import io.jdock.container.MountServer;
import io.jdock.container.ServerLauncher;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** The hidden command a background mount server runs: serves one mount record. */
@Command(name = MountServer.COMMAND, hidden = true)
final class MountServerCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--notify-ready", hidden = true)
  boolean notifyReady;

  @Parameters(index = "0", paramLabel = "NAME")
  String name;

  @Override
  public Integer call() throws Exception {
    MountServer.serve(
        Stores.paths(spec), name, notifyReady ? ServerLauncher::notifyReady : () -> {});
    return 0;
  }
}
