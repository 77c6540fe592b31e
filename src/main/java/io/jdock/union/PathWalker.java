package io.jdock.union;

/**
 * Resolves layer-relative paths in the tree being built, remembering the last directory found
 * because tar entries of one directory come together.
 */
final class PathWalker {
  private final Tree tree;
  private String lastPath;
  private DirInode lastDir;

  PathWalker(Tree tree) {
    this.tree = tree;
  }

  /** The directory at PATH, or null if there is none (or it is not a directory). */
  DirInode dir(String path) {
    if (path.equals(lastPath)) {
      return lastDir;
    }
    DirInode d = node(path) instanceof DirInode found ? found : null;
    lastPath = path;
    lastDir = d;
    return d;
  }

  /** The inode at PATH, or null. Symlinks are never followed. */
  Inode node(String path) {
    Inode cur = tree.root;
    if (path.isEmpty()) {
      return cur;
    }
    int start = 0;
    while (start <= path.length()) {
      int slash = path.indexOf('/', start);
      String name = slash < 0 ? path.substring(start) : path.substring(start, slash);
      if (!(cur instanceof DirInode d)) {
        return null;
      }
      cur = d.children.get(name);
      if (cur == null) {
        return null;
      }
      if (slash < 0) {
        break;
      }
      start = slash + 1;
    }
    return cur;
  }

  /** Drops the cache after the tree changed. */
  void forget() {
    lastPath = null;
    lastDir = null;
  }
}
