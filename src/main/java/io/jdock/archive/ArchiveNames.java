package io.jdock.archive;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Names inside an archive. Entry names are normalised and must stay inside the archive (no absolute
 * names, no {@code ..}); names an archive refers to (manifest.json paths, symlink targets) are
 * resolved within its root as docker's {@code FollowSymlinkInScope} does, so they can never leave
 * it either.
 */
final class ArchiveNames {
  private static final int MAX_LINKS = 40;

  private ArchiveNames() {}

  /** The normalised name of a tar entry ("./a//b/" -> "a/b"); unsafe names are refused. */
  static String entryName(String raw) throws InvalidArchiveException {
    if (raw.indexOf('\0') >= 0 || raw.startsWith("/")) {
      throw unsafe(raw);
    }
    List<String> parts = new ArrayList<>();
    for (String part : raw.split("/")) {
      if (part.equals("..")) {
        throw unsafe(raw);
      }
      if (!part.isEmpty() && !part.equals(".")) {
        parts.add(part);
      }
    }
    return String.join("/", parts);
  }

  private static InvalidArchiveException unsafe(String raw) {
    return new InvalidArchiveException("invalid archive: unsafe entry name \"" + raw + "\"");
  }

  /**
   * Resolves {@code path} within the archive root: {@code symlinkTarget} gives the target of a name
   * that is a symlink (empty for anything else); {@code ..} stops at the root and absolute targets
   * start from it.
   */
  static String resolve(String path, Function<String, Optional<String>> symlinkTarget)
      throws InvalidArchiveException {
    Deque<String> todo = new ArrayDeque<>(List.of(path.split("/")));
    List<String> resolved = new ArrayList<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String part = todo.removeFirst();
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!resolved.isEmpty()) {
          resolved.remove(resolved.size() - 1);
        }
        continue;
      }
      resolved.add(part);
      Optional<String> target = symlinkTarget.apply(String.join("/", resolved));
      if (target.isPresent()) {
        if (++links > MAX_LINKS) {
          throw new InvalidArchiveException(
              "invalid archive: \"" + path + "\": too many levels of symbolic links");
        }
        resolved.remove(resolved.size() - 1);
        if (target.get().startsWith("/")) {
          resolved.clear();
        }
        String[] parts = target.get().split("/");
        for (int i = parts.length - 1; i >= 0; i--) {
          todo.addFirst(parts[i]);
        }
      }
    }
    return String.join("/", resolved);
  }
}
