package io.jdock.union;

import io.jdock.sys.FileMode;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A directory of the merged tree: its visible children, the names its lower layers provide (so a
 * removal knows when a whiteout is needed), the whiteouts its upper copy holds, and whether the
 * upper copy is opaque. All fields are guarded by the tree lock.
 */
final class DirInode extends Inode {
  DirInode parent;
  String name;
  final Map<String, Inode> children = new HashMap<>();

  /** Names visible from the lower layers at this path; removing one needs a whiteout. */
  Set<String> lowerNames = Set.of();

  /** Names hidden by a {@code .wh.NAME} file in this directory's upper copy. */
  final Set<String> whiteouts = new HashSet<>();

  /** True when the upper copy holds {@code .wh..wh..opq} (no lower entries show through). */
  boolean opaque;

  /** The cached readdir listing; null when a change made it stale. */
  volatile List<DirEntry> listing;

  DirInode(long ino, DirInode parent, String name) {
    super(ino, FileMode.S_IFDIR);
    this.parent = parent == null ? this : parent;
    this.name = name;
  }

  boolean isRoot() {
    return parent == this;
  }

  @Override
  boolean attached() {
    return name != null;
  }

  /** True when removing NAME must leave a whiteout so the lower entry stays hidden. */
  boolean needsWhiteout(String childName) {
    return !opaque && (lowerNames.contains(childName) || whiteouts.contains(childName));
  }

  long countSubdirs() {
    long n = 0;
    for (Inode child : children.values()) {
      if (child instanceof DirInode) {
        n++;
      }
    }
    return n;
  }

  /** True when the merged view of this directory has lower-backed content below it. */
  boolean mergesLower() {
    return lower != null && !opaque;
  }

  void changed() {
    listing = null;
  }

  /** Every descendant directory, this one included (depth first). */
  void forEachDir(java.util.function.Consumer<DirInode> action) {
    action.accept(this);
    for (Inode child : children.values()) {
      if (child instanceof DirInode d) {
        d.forEachDir(action);
      }
    }
  }

  /** The readdir listing of D: "." and ".." first, then the children sorted by name. */
  static List<DirEntry> listing(DirInode d) {
    List<DirEntry> children = new java.util.ArrayList<>(d.children.size());
    for (Map.Entry<String, Inode> e : d.children.entrySet()) {
      children.add(new DirEntry(e.getKey(), e.getValue().ino, e.getValue().type));
    }
    children.sort(java.util.Comparator.comparing(DirEntry::name));
    List<DirEntry> out = new java.util.ArrayList<>(children.size() + 2);
    out.add(new DirEntry(".", d.ino, FileMode.S_IFDIR));
    out.add(new DirEntry("..", d.parent.ino, FileMode.S_IFDIR));
    out.addAll(children);
    return List.copyOf(out);
  }

  Set<String> lowerNamesSnapshot() {
    return new HashSet<>(children.keySet());
  }
}
