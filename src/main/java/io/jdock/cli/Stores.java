package io.jdock.cli;

import io.jdock.store.ImageStore;
import io.jdock.store.StorePaths;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Opens the image store a command works on: {@code --root}, else the default root. */
final class Stores {
  private Stores() {}

  /** The store's paths for the command of SPEC. */
  static StorePaths paths(CommandSpec spec) {
    return StorePaths.forCurrentUser(rootFlag(spec));
  }

  /** Opens the store (the caller closes it). */
  static ImageStore open(CommandSpec spec) throws IOException {
    return ImageStore.open(paths(spec));
  }

  private static Optional<Path> rootFlag(CommandSpec spec) {
    CommandLine top = spec.commandLine();
    while (top.getParent() != null) {
      top = top.getParent();
    }
    if (top.getCommand() instanceof JdockCommand j) {
      return j.root();
    }
    return Optional.empty();
  }
}
