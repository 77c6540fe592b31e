package io.jdock.cli;

import io.jdock.container.MountRequest;
import io.jdock.container.Mounts;
import io.jdock.store.ImageStore;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jdock mount IMAGE MOUNTPOINT}: an image's root filesystem as a union mount. */
@Command(
    name = "mount",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock mount [OPTIONS] IMAGE MOUNTPOINT",
    description = {
      "Mount an image's root filesystem: its layers read-only, with a writable upper dir",
      "kept in the store under the mount's name (by default made from the mountpoint).",
      "A background jdock process serves the mount; 'jdock umount' ends it."
    })
final class MountCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--read-only", description = "Mount without an upper dir")
  boolean readOnly;

  @Option(names = "--upper", paramLabel = "DIR", description = "Use DIR as the upper dir")
  Path upper;

  @Option(
      names = "--name",
      paramLabel = "NAME",
      description = "The mount's name (its upper dir is kept under it)")
  String name;

  @Parameters(index = "0", paramLabel = "IMAGE")
  String image;

  @Parameters(index = "1", paramLabel = "MOUNTPOINT")
  Path mountpoint;

  @Override
  public Integer call() throws Exception {
    if (readOnly && upper != null) {
      throw new UserException("conflicting options: --read-only and --upper");
    }
    try (ImageStore store = Stores.open(spec)) {
      var record =
          new Mounts(store)
              .mount(
                  new MountRequest(
                      image,
                      mountpoint,
                      Optional.ofNullable(name),
                      Optional.ofNullable(upper),
                      readOnly));
      spec.commandLine().getOut().println(record.mountpoint());
    }
    return 0;
  }
}
