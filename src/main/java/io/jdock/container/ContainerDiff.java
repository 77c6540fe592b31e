package io.jdock.container;

import io.jdock.layer.Whiteouts;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ImageStore;
import io.jdock.sys.FileMode;
import io.jdock.sys.Posix;
import io.jdock.sys.Stat;
import io.jdock.union.Attr;
import io.jdock.union.FileSystem;
import io.jdock.union.FsException;
import io.jdock.union.Union;
import io.jdock.union.UnionConfig;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code jdock diff}: what a container changed, read from its upper dir as moby's {@code changes}
 * reads an AUFS-style layer (pkg/archive/changes.go): {@code .wh.NAME} is {@code D}, a name the
 * image lacks is {@code A}, one it has is {@code C}, except a directory whose mode and mtime are
 * unchanged; the parent dir of an added or deleted name is {@code C} (before it) if not listed yet.
 * jdock's own hidden names ({@code .wh..wh.*}) are skipped. Lower entries are looked up in the
 * image's merged tree.
 */
public final class ContainerDiff {
  /** One change: {@code A}, {@code C} or {@code D}, and an absolute path. */
  public record Change(char kind, String path) {
    @Override
    public String toString() {
      return kind + " " + path;
    }
  }

  private final FileSystem lower;
  private final Path upper;
  private final List<Change> changes = new ArrayList<>();
  private final Set<String> changedDirs = new HashSet<>();

  private ContainerDiff(FileSystem lower, Path upper) {
    this.lower = lower;
    this.upper = upper;
  }

  /** The changes of R, in docker's order. */
  public static List<Change> of(ImageStore store, ContainerRecord r) throws IOException {
    Union view =
        Union.open(
            new UnionConfig(RootfsMount.lowers(store, r), Optional.empty(), Posix.geteuid() == 0));
    try {
      return between(view, r.upperDir());
    } finally {
      view.destroy();
    }
  }

  /** The changes UPPER makes over LOWER. */
  static List<Change> between(FileSystem lower, Path upper) throws IOException {
    ContainerDiff d = new ContainerDiff(lower, upper);
    if (Files.isDirectory(upper)) {
      d.walk(upper, "");
    }
    return d.changes;
  }

  private void walk(Path dir, String rel) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
      ds.forEach(p -> names.add(p.getFileName().toString()));
    }
    names.sort(null);
    for (String name : names) {
      if (name.startsWith(Whiteouts.AUFS_META_PREFIX)) {
        continue; // opaque markers and jdock's temp names
      }
      String path = rel + "/" + name;
      Stat st = Posix.lstat(dir.resolve(name).toString());
      if (visit(path, name, st) && st.isDir()) {
        walk(dir.resolve(name), path);
      }
    }
  }

  /** Records the change at PATH; false when its subtree needs no walk. */
  private boolean visit(String path, String name, Stat st) throws IOException {
    Change change;
    if (Whiteouts.isWhiteout(name)) {
      String parent = path.substring(0, path.lastIndexOf('/'));
      change = new Change('D', parent + "/" + Whiteouts.hiddenName(name));
    } else {
      Optional<Attr> below = lookup(path);
      if (below.isEmpty()) {
        change = new Change('A', path);
      } else if (st.isDir() && isDir(below.get()) && sameDir(st, below.get())) {
        return true; // unchanged dir: walked, not listed
      } else {
        change = new Change('C', path);
      }
    }
    if (st.isDir() && change.kind() != 'D') {
      changedDirs.add(path);
    }
    if (change.kind() != 'C') {
      String parent = change.path().substring(0, change.path().lastIndexOf('/'));
      if (!parent.isEmpty() && changedDirs.add(parent)) {
        changes.add(new Change('C', parent));
      }
    }
    changes.add(change);
    return true;
  }

  private Optional<Attr> lookup(String path) throws IOException {
    try {
      return UnionPaths.lookup(lower, path);
    } catch (FsException e) {
      throw new IOException("reading the image at " + path + ": " + e.getMessage(), e);
    }
  }

  private static boolean isDir(Attr a) {
    return FileMode.isDir(a.mode());
  }

  /** docker compares size, mode and mtime; a dir's size depends on the file system, so not here. */
  private static boolean sameDir(Stat st, Attr a) {
    return st.mode() == a.mode()
        && st.mtimeSec() == a.mtimeSec()
        && (st.mtimeNsec() == a.mtimeNsec() || st.mtimeNsec() == 0 || a.mtimeNsec() == 0);
  }
}
