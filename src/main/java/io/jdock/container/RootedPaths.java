package io.jdock.container;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Resolves a path inside a container's root directory as the container would see it: symlinks
 * (absolute ones relative to the root) are followed and {@code ..} never climbs above the root, so
 * jdock can look at a container's files from outside without being led out of it.
 */
final class RootedPaths {
  private static final int MAX_LINKS = 40;

  private RootedPaths() {}

  /**
   * The host path of PATH (absolute, as the container sees it) under ROOT; a final symlink is
   * followed when {@code followLast}. Missing components are kept as they are.
   */
  static Path resolve(Path root, String path, boolean followLast) throws IOException {
    Deque<String> todo = new ArrayDeque<>();
    push(todo, path);
    Deque<String> done = new ArrayDeque<>();
    int links = 0;
    while (!todo.isEmpty()) {
      String c = todo.pop();
      if (c.isEmpty() || c.equals(".")) {
        continue;
      }
      if (c.equals("..")) {
        done.pollLast();
        continue;
      }
      Path host = join(root, done).resolve(c);
      boolean last = todo.isEmpty();
      if ((!last || followLast) && Files.isSymbolicLink(host)) {
        if (++links > MAX_LINKS) {
          throw new IOException("too many levels of symbolic links: " + path);
        }
        String target = Files.readSymbolicLink(host).toString();
        if (target.startsWith("/")) {
          done.clear();
        }
        push(todo, target);
        continue;
      }
      done.addLast(c);
    }
    return join(root, done);
  }

  /** The container path of a resolved host path under ROOT. */
  static String inside(Path root, Path host) {
    return "/" + root.relativize(host).toString();
  }

  /** The text of the regular file at PATH under ROOT, if there is one. */
  static java.util.Optional<String> read(Path root, String path) throws IOException {
    Path p = resolve(root, path, true);
    return Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
        ? java.util.Optional.of(Files.readString(p))
        : java.util.Optional.empty();
  }

  /** True if PATH exists under ROOT (following symlinks the container's way). */
  static boolean exists(Path root, String path) throws IOException {
    return Files.exists(resolve(root, path, true), LinkOption.NOFOLLOW_LINKS);
  }

  private static void push(Deque<String> todo, String path) {
    String[] parts = path.split("/");
    for (int i = parts.length - 1; i >= 0; i--) {
      todo.push(parts[i]);
    }
  }

  private static Path join(Path root, Deque<String> parts) {
    Path p = root;
    for (String s : parts) {
      p = p.resolve(s);
    }
    return p;
  }
}
