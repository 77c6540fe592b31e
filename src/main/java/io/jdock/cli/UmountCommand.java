package io.jdock.cli;

import io.jdock.container.Mounts;
import io.jdock.store.ImageStore;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jdock umount MOUNTPOINT|NAME...}: ends mounts, also those whose server died. */
@Command(
    name = "umount",
    aliases = "unmount",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock umount [OPTIONS] MOUNTPOINT|NAME [MOUNTPOINT|NAME...]",
    description = {
      "Unmount jdock mounts (also after their server died or was killed).",
      "The upper dir is kept for the next mount of the same name unless --discard."
    })
final class UmountCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--discard", description = "Also delete the mount's upper dir and record")
  boolean discard;

  @Parameters(arity = "1..*", paramLabel = "MOUNTPOINT|NAME")
  List<String> targets;

  @Override
  public Integer call() throws Exception {
    try (ImageStore store = Stores.open(spec)) {
      Mounts mounts = new Mounts(store);
      for (String target : targets) {
        mounts.unmount(target, discard);
      }
    }
    return 0;
  }
}
