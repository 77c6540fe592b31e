package io.jdock.union;

import io.jdock.layer.EntryType;
import io.jdock.layer.LayerEntry;
import io.jdock.layer.Whiteouts;
import io.jdock.sys.FileMode;
import java.util.logging.Logger;

/**
 * Builds the merged, whiteout-resolved tree of the lower layers once per mount. Layers apply base
 * first; within a layer its whiteouts and opaque markers apply before its other entries, whatever
 * their position in the tar, and hide only what lower layers provide (image-spec layer.md).
 */
final class LowerTreeBuilder {
  private static final Logger LOG = Logger.getLogger(LowerTreeBuilder.class.getName());

  private final Tree tree;
  private final PathWalker walker;
  private String dataRoot;
  private boolean liveXattrs;

  LowerTreeBuilder(Tree tree) {
    this.tree = tree;
    this.walker = new PathWalker(tree);
  }

  void apply(LowerLayer layer) {
    for (LayerEntry e : layer.entries()) {
      if (e.type() == EntryType.OPAQUE) {
        DirInode dir = walker.dir(e.parentPath());
        if (dir != null) {
          for (String name : dir.children.keySet().toArray(String[]::new)) {
            drop(dir, name);
          }
        }
      } else if (e.type() == EntryType.WHITEOUT) {
        DirInode dir = walker.dir(e.parentPath());
        if (dir != null) {
          drop(dir, Whiteouts.hiddenName(e.name()));
        }
      }
    }
    dataRoot = layer.dataRoot().toString();
    liveXattrs = layer.liveXattrs();
    for (LayerEntry e : layer.entries()) {
      switch (e.type()) {
        case OPAQUE, WHITEOUT -> {}
        case DIRECTORY -> applyDir(e);
        case HARDLINK -> applyHardlink(e);
        default -> applyLeaf(e);
      }
    }
  }

  /** The merged tree of LOWERS (base first); the root is an implicit dir if no layer lists it. */
  static Tree build(java.util.List<LowerLayer> lowers) {
    Tree tree = new Tree();
    LowerTreeBuilder builder = new LowerTreeBuilder(tree);
    for (LowerLayer layer : lowers) {
      builder.apply(layer);
    }
    builder.finish();
    if (tree.root.lower == null) {
      tree.root.lower = IMPLICIT_DIR;
    }
    return tree;
  }

  /** Records, for every directory, which names its lower layers provide. */
  void finish() {
    tree.root.forEachDir(d -> d.lowerNames = d.lowerNamesSnapshot());
  }

  private void applyDir(LayerEntry e) {
    LowerAttrs attrs = attrs(e, FileMode.S_IFDIR, null);
    if (e.path().isEmpty()) {
      tree.root.lower = attrs;
      return;
    }
    DirInode parent = parentOf(e);
    if (parent == null) {
      return;
    }
    Inode existing = parent.children.get(e.name());
    if (existing instanceof DirInode d) {
      d.lower = attrs;
      return;
    }
    drop(parent, e.name());
    DirInode d = tree.newDir(parent, e.name());
    d.lower = attrs;
    tree.attach(parent, e.name(), d);
  }

  private void applyLeaf(LayerEntry e) {
    DirInode parent = parentOf(e);
    if (parent == null) {
      return;
    }
    int type = typeBits(e.type());
    String data = e.type() == EntryType.REGULAR ? dataRoot + "/" + e.path() : null;
    drop(parent, e.name());
    LeafInode leaf = tree.newLeaf(type);
    leaf.lower = attrs(e, type, data);
    tree.attach(parent, e.name(), leaf);
  }

  private void applyHardlink(LayerEntry e) {
    DirInode parent = parentOf(e);
    Inode target = walker.node(e.linkTarget());
    if (parent == null || !(target instanceof LeafInode leaf)) {
      LOG.warning(
          "hard link " + e.path() + " -> " + e.linkTarget() + ": target not found; skipped");
      return;
    }
    if (parent.children.get(e.name()) == leaf) {
      return;
    }
    drop(parent, e.name());
    tree.attach(parent, e.name(), leaf);
  }

  /**
   * The directory an entry goes into. A layer need not list unchanged parents (umoci's layers
   * don't): they keep what the layers below give them, and only parents no layer has are made
   * (0755, root), as extracting the layers one over another would.
   */
  private DirInode parentOf(LayerEntry e) {
    DirInode parent = walker.dir(e.parentPath());
    if (parent == null) {
      parent = makeParents(e.parentPath());
    }
    if (parent == null) {
      LOG.warning("layer entry " + e.path() + ": parent is not a directory; skipped");
    }
    return parent;
  }

  private DirInode makeParents(String path) {
    DirInode dir = tree.root;
    for (String name : path.split("/")) {
      Inode child = dir.children.get(name);
      if (child == null) {
        DirInode made = tree.newDir(dir, name);
        made.lower = IMPLICIT_DIR;
        tree.attach(dir, name, made);
        child = made;
      }
      if (!(child instanceof DirInode d)) {
        return null;
      }
      dir = d;
    }
    walker.forget();
    return dir;
  }

  private static final LowerAttrs IMPLICIT_DIR =
      new LowerAttrs(
          FileMode.S_IFDIR | 0755, 0, 0, 0, 0, 0, 0, null, java.util.Map.of(), null, null);

  /** Removes NAME and everything below it from the tree being built. */
  private void drop(DirInode dir, String name) {
    Inode old = dir.children.get(name);
    if (old instanceof DirInode d) {
      for (String child : d.children.keySet().toArray(String[]::new)) {
        drop(d, child);
      }
    }
    if (old != null) {
      tree.detach(dir, name);
      walker.forget();
    }
  }

  private LowerAttrs attrs(LayerEntry e, int type, String data) {
    String target = e.type() == EntryType.SYMLINK ? e.linkTarget() : null;
    String xattrSource =
        liveXattrs ? (e.path().isEmpty() ? dataRoot : dataRoot + "/" + e.path()) : null;
    return new LowerAttrs(
        type | (e.mode() & FileMode.PERMISSIONS),
        e.uid(),
        e.gid(),
        e.type() == EntryType.REGULAR ? e.size() : 0,
        e.mtimeSec(),
        e.mtimeNsec(),
        e.rdev(),
        target,
        e.xattrs(),
        data,
        xattrSource);
  }

  static int typeBits(EntryType t) {
    return switch (t) {
      case REGULAR, HARDLINK -> FileMode.S_IFREG;
      case DIRECTORY -> FileMode.S_IFDIR;
      case SYMLINK -> FileMode.S_IFLNK;
      case CHAR_DEVICE -> FileMode.S_IFCHR;
      case BLOCK_DEVICE -> FileMode.S_IFBLK;
      case FIFO -> FileMode.S_IFIFO;
      case WHITEOUT, OPAQUE -> throw new IllegalArgumentException("marker has no type");
    };
  }
}
