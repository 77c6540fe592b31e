package io.jdock.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The files of a layout directory ({@code jdock load -i DIR}): an OCI image layout, or an extracted
 * {@code docker save}. Symlinks are followed as if the directory were the root (docker's {@code
 * FollowSymlinkInScope}), so loading a directory never reads anything outside it.
 */
final class DirectoryContents implements ArchiveContents {
  private final Path root;

  DirectoryContents(Path dir) throws IOException {
    this.root = dir.toRealPath();
  }

  @Override
  public Optional<ArchiveFile> find(String path) throws IOException {
    String name = ArchiveNames.resolve(path, this::symlinkTarget);
    Path file = root.resolve(name);
    if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    return Optional.of(new DirectoryFile(name, file));
  }

  /** The target of {@code name} if it is a symlink inside the directory. */
  private Optional<String> symlinkTarget(String name) {
    Path p = root.resolve(name);
    if (!Files.isSymbolicLink(p)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readSymbolicLink(p).toString());
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
