package io.jdock.archive;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * The file {@code save -o FILE} writes, checked as docker 28's client checks it before asking for
 * any image: its directory must exist, and it must not be a directory, a symlink, a device, a FIFO
 * or a socket. Messages are docker's, after its {@code failed to save image: } prefix.
 */
public final class SaveTarget {
  private static final int S_IFMT = 0170000;
  private static final int S_IFDIR = 0040000;
  private static final int S_IFLNK = 0120000;
  private static final int S_IFCHR = 0020000;
  private static final int S_IFBLK = 0060000;
  private static final int S_IFIFO = 0010000;
  private static final int S_IFSOCK = 0140000;

  private SaveTarget() {}

  /** Why docker would refuse to write {@code path}; empty if it may be written. */
  public static Optional<String> problem(Path path) throws IOException {
    Path dir = path.normalize().getParent();
    if (dir != null) {
      try {
        if (!Files.readAttributes(dir, BasicFileAttributes.class).isDirectory()) {
          return Optional.of("invalid output path: stat " + dir + ": not a directory");
        }
      } catch (NoSuchFileException e) {
        return Optional.of("invalid output path: stat " + dir + ": no such file or directory");
      } catch (NotDirectoryException e) {
        return Optional.of("invalid output path: stat " + dir + ": not a directory");
      }
    }
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
    return Optional.ofNullable(
        switch (mode & S_IFMT) {
          case S_IFDIR -> "cannot write to a directory";
          case S_IFLNK -> "cannot write to a symbolic link directly";
          case S_IFCHR -> "cannot write to a character device file";
          case S_IFBLK -> "cannot write to a block device file";
          case S_IFIFO -> "cannot write to a named pipe (FIFO)";
          case S_IFSOCK -> "cannot write to a socket";
          default -> null;
        });
  }
}
