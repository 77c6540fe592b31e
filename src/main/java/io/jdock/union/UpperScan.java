package io.jdock.union;

import io.jdock.layer.Whiteouts;
import io.jdock.sys.ErrnoException;
import io.jdock.sys.Stat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges an existing upper dir into the tree at mount time, as the topmost layer: OCI whiteouts and
 * opaque markers (and overlayfs' char 0/0 whiteouts and opaque xattrs, for upper dirs written by
 * other tools) hide lower entries; every other upper entry shadows the lower one.
 */
final class UpperScan {
  private final Tree tree;
  private final UpperDir upper;
  private final Map<Long, Map<Long, LeafInode>> byDevIno = new HashMap<>();

  UpperScan(Tree tree, UpperDir upper) {
    this.tree = tree;
    this.upper = upper;
  }

  /**
   * Takes the upper dir into the tree. A fresh (empty) one first gets the image root's owner, mode
   * and times, so the mount shows the image's root as the image has it.
   */
  void adopt(Ownership ownership) throws java.io.IOException {
    LowerAttrs root = tree.root.lower;
    try (var entries = java.nio.file.Files.list(java.nio.file.Path.of(upper.root))) {
      if (entries.findAny().isEmpty()) {
        ownership.apply(upper.root, -1, root.uid(), root.gid(), root.mode());
        io.jdock.sys.Posix.lutimens(
            upper.root, root.mtimeSec(), root.mtimeNsec(), root.mtimeSec(), root.mtimeNsec());
      }
    }
    scan();
  }

  void scan() throws ErrnoException {
    upper.removeLeftovers();
    tree.root.upper = true;
    scanDir(tree.root, "");
  }

  private void scanDir(DirInode dir, String rel) throws ErrnoException {
    List<String> names = upper.list(rel);
    if (names.contains(Whiteouts.OPAQUE) || OverlayMarkers.isOpaqueDir(upper.abs(rel))) {
      for (String name : dir.children.keySet().toArray(String[]::new)) {
        dropSubtree(dir, name);
      }
      dir.opaque = true;
      dir.lowerNames = java.util.Set.of();
    }
    for (String name : names) {
      if (Whiteouts.isWhiteout(name)) {
        String hidden = Whiteouts.hiddenName(name);
        dropSubtree(dir, hidden);
        dir.whiteouts.add(hidden);
      }
    }
    for (String name : names) {
      if (Whiteouts.isReserved(name)) {
        continue;
      }
      String childRel = Tree.child(rel, name);
      Stat st = io.jdock.sys.Posix.lstat(upper.abs(childRel));
      if (OverlayMarkers.isWhiteoutDevice(st)) {
        dropSubtree(dir, name);
        dir.whiteouts.add(name);
        continue;
      }
      if (st.isDir()) {
        DirInode child = dir.children.get(name) instanceof DirInode d ? d : null;
        if (child == null) {
          dropSubtree(dir, name);
          child = tree.newDir(dir, name);
          tree.attach(dir, name, child);
        }
        child.upper = true;
        scanDir(child, childRel);
      } else {
        dropSubtree(dir, name);
        LeafInode leaf = leafFor(st);
        tree.attach(dir, name, leaf);
      }
    }
  }

  private LeafInode leafFor(Stat st) {
    Map<Long, LeafInode> byIno = byDevIno.computeIfAbsent(st.dev(), k -> new HashMap<>());
    LeafInode leaf = st.nlink() > 1 ? byIno.get(st.ino()) : null;
    if (leaf == null) {
      leaf = tree.newLeaf(st.type());
      leaf.upper = true;
      if (st.nlink() > 1) {
        byIno.put(st.ino(), leaf);
      }
    }
    return leaf;
  }

  private void dropSubtree(DirInode dir, String name) {
    Inode old = dir.children.get(name);
    if (old instanceof DirInode d) {
      for (String child : d.children.keySet().toArray(String[]::new)) {
        dropSubtree(d, child);
      }
    }
    if (old != null) {
      tree.detach(dir, name);
    }
  }
}
