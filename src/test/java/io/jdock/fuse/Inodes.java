package io.jdock.fuse;

import io.jdock.sys.ErrnoException;
import io.jdock.sys.Posix;
import io.jdock.sys.Stat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The inode table of {@link PassthroughFs}: one number per (st_dev, st_ino) of the real tree, the
 * root being 1, with the paths each inode is known under and its lookup count.
 */
final class Inodes {
  private record Key(long dev, long ino) {}

  private static final class Node {
    final long id;
    final Key key;
    final Set<Path> paths = ConcurrentHashMap.newKeySet();
    final AtomicLong lookups = new AtomicLong();

    Node(long id, Key key) {
      this.id = id;
      this.key = key;
    }
  }

  private final Path root;
  private final Map<Long, Node> byId = new ConcurrentHashMap<>();
  private final Map<Key, Node> byKey = new ConcurrentHashMap<>();
  private final AtomicLong next = new AtomicLong(2);

  Inodes(Path root) throws ErrnoException {
    this.root = root;
    Stat st = Posix.lstat(root.toString());
    Node n = new Node(1, new Key(st.dev(), st.ino()));
    n.paths.add(root);
    byId.put(1L, n);
    byKey.put(n.key, n);
  }

  Path root() {
    return root;
  }

  /** The inode number of {@code p}, adding {@code lookups} to its count. */
  synchronized long remember(Path p, Stat st, long lookups) {
    Node n =
        byKey.computeIfAbsent(
            new Key(st.dev(), st.ino()),
            k -> {
              Node created = new Node(next.getAndIncrement(), k);
              byId.put(created.id, created);
              return created;
            });
    n.paths.add(p);
    n.lookups.addAndGet(lookups);
    return n.id;
  }

  long parentOf(Path dir) throws ErrnoException {
    if (dir.equals(root)) {
      return 1;
    }
    Path parent = dir.getParent();
    return remember(parent, Posix.lstat(parent.toString()), 0);
  }

  /** A path the inode still has (one that exists, when it has several). */
  Optional<Path> path(long id) {
    Node n = byId.get(id);
    if (n == null) {
      return Optional.empty();
    }
    List<Path> paths = new ArrayList<>(n.paths);
    if (paths.size() > 1) {
      for (Path p : paths) {
        try {
          if (Posix.lstatIfExists(p.toString()).isPresent()) {
            return Optional.of(p);
          }
        } catch (ErrnoException e) {
          // try the next name
        }
      }
    }
    return paths.stream().findFirst();
  }

  /** {@code p} and everything below it are gone; inodes left without names are dropped. */
  synchronized void removed(Path p) {
    for (Node n : byId.values()) {
      n.paths.removeIf(q -> q.startsWith(p));
      if (n.paths.isEmpty() && n.id != 1) {
        byKey.remove(n.key, n);
      }
    }
  }

  /** {@code from} is now {@code to} (and, for RENAME_EXCHANGE, {@code to} is now {@code from}). */
  synchronized void renamed(Path from, Path to, boolean exchange) {
    for (Node n : byId.values()) {
      List<Path> moved = new ArrayList<>();
      for (Path q : n.paths) {
        if (q.startsWith(from)) {
          moved.add(to.resolve(from.relativize(q)));
        } else if (q.startsWith(to)) {
          if (exchange) {
            moved.add(from.resolve(to.relativize(q)));
          }
        } else {
          moved.add(q);
        }
      }
      n.paths.clear();
      n.paths.addAll(moved);
      if (n.paths.isEmpty() && n.id != 1) {
        byKey.remove(n.key, n);
      }
    }
  }

  void forget(long id, long count) {
    Node n = byId.get(id);
    if (n != null) {
      n.lookups.addAndGet(-count);
    }
  }

  long lookups(long id) {
    Node n = byId.get(id);
    return n == null ? 0 : n.lookups.get();
  }
}
