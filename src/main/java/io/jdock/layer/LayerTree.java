package io.jdock.layer;

import io.jdock.oci.InvalidContentException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/**
 * A layer's entries as extraction leaves them: tar order, one entry per path (a later entry
 * replaces an earlier one, a directory over a directory merges in place), every ancestor a
 * directory, and in-layer hard links pointing at the entry that owns their inode. It knows what is
 * on disk at every path of the rootfs, since extraction starts from an empty directory, so parents
 * are checked here rather than followed on disk.
 */
final class LayerTree {
  /** Where a hard link points: the path owning the inode, and whether it is in this rootfs. */
  record LinkTarget(String path, boolean inRootfs) {}

  private final Map<String, LayerEntry> entries = new LinkedHashMap<>();
  private final NavigableSet<String> sorted = new TreeSet<>();

  /** The in-rootfs hard links of each inode-owning path, in tar order. */
  private final Map<String, List<String>> links = new HashMap<>();

  /**
   * Directories extraction had to create because the tar does not list them (the root, parents).
   * They are not layer entries: a layer made by {@code umoci repack} lists no unchanged parents,
   * and those keep the attributes the layers below give them.
   */
  private final java.util.Set<String> implicit = new java.util.HashSet<>();

  LayerTree() {
    putImplicit("");
  }

  /** Records a directory the tar does not list but extraction creates. */
  void putImplicit(String path) {
    put(implicitDirectory(path));
    implicit.add(path);
  }

  /** The attributes given on disk to a directory the tar does not list (0755, root, mtime 0). */
  static LayerEntry implicitDirectory(String path) {
    return new LayerEntry(path, EntryType.DIRECTORY, 0755, 0, 0, 0, 0, 0, null, 0, Map.of(), true);
  }

  Optional<LayerEntry> get(String path) {
    return Optional.ofNullable(entries.get(path));
  }

  /** Everything on disk, implicit directories included, in tar order. */
  List<LayerEntry> onDisk() {
    return new ArrayList<>(entries.values());
  }

  /** Every entry the tar lists, in tar order (a merged directory where it first appeared). */
  List<LayerEntry> entries() {
    List<LayerEntry> out = new ArrayList<>(entries.size());
    for (LayerEntry e : entries.values()) {
      if (!implicit.contains(e.path())) {
        out.add(e);
      }
    }
    return out;
  }

  /** Regular file sizes (each inode once) plus symlink target lengths, as docker counts them. */
  long contentSize() {
    long total = 0;
    for (LayerEntry e : entries.values()) {
      if (e.type() == EntryType.REGULAR) {
        total += e.size();
      } else if (e.type() == EntryType.SYMLINK) {
        total += e.linkTarget().getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return total;
  }

  /**
   * The ancestors of {@code path} the layer does not have yet, top-down. Refuses a symlink ancestor
   * (the write would go through it) and a non-directory one.
   */
  List<String> missingParents(String tarName, String path) throws InvalidContentException {
    List<String> missing = new ArrayList<>();
    String parent = TarPaths.parent(path);
    // Every entry's ancestors are directories, so the nearest existing ancestor decides.
    while (!entries.containsKey(parent)) {
      missing.add(0, parent);
      parent = TarPaths.parent(parent);
    }
    requireDirectory(tarName, parent, "parent");
    return missing;
  }

  /** Resolves a hard link's (normalised) target against the entries before it. */
  LinkTarget resolveLink(String tarName, String path, String target)
      throws InvalidContentException {
    if (target.equals(path)) {
      throw invalid(tarName, "hard link to itself");
    }
    LayerEntry e = entries.get(target);
    if (e == null) {
      String parent = TarPaths.parent(target);
      while (!entries.containsKey(parent)) {
        parent = TarPaths.parent(parent);
      }
      requireDirectory(tarName, parent, "hard link target parent");
      return new LinkTarget(target, false);
    }
    return switch (e.type()) {
      case DIRECTORY -> throw invalid(tarName, "hard link to directory \"" + target + "\"");
      case WHITEOUT, OPAQUE -> throw invalid(tarName, "hard link to whiteout \"" + target + "\"");
      case HARDLINK -> new LinkTarget(e.linkTarget(), e.inRootfs());
      default -> new LinkTarget(target, true);
    };
  }

  /** Adds an entry, or replaces an existing directory's entry in place (a merge). */
  void put(LayerEntry e) {
    implicit.remove(e.path());
    entries.put(e.path(), e);
    sorted.add(e.path());
    if (e.type() == EntryType.HARDLINK && e.inRootfs()) {
      links.computeIfAbsent(e.linkTarget(), k -> new ArrayList<>()).add(e.path());
    }
  }

  /**
   * Removes {@code path} and, for a directory, everything under it; returns the removed entry. A
   * removed inode owner whose hard links survive hands its entry to the first of them (the inode
   * lives on there), the others then point at it.
   */
  LayerEntry remove(String path) {
    LayerEntry removed = entries.get(path);
    List<String> gone = new ArrayList<>();
    gone.add(path);
    if (removed.type() == EntryType.DIRECTORY) {
      gone.addAll(sorted.subSet(path + "/", true, path + "0", false));
    }
    List<LayerEntry> goneEntries = new ArrayList<>(gone.size());
    for (String p : gone) {
      LayerEntry e = entries.remove(p);
      sorted.remove(p);
      goneEntries.add(e);
      if (e.type() == EntryType.HARDLINK && e.inRootfs()) {
        List<String> siblings = links.get(e.linkTarget());
        if (siblings != null) {
          siblings.remove(p);
        }
      }
    }
    for (LayerEntry e : goneEntries) {
      List<String> survivors = links.remove(e.path());
      if (survivors != null && !survivors.isEmpty()) {
        promote(e, survivors);
      }
    }
    return removed;
  }

  private void promote(LayerEntry owner, List<String> survivors) {
    String heir = survivors.get(0);
    entries.put(heir, moved(owner, heir, owner.linkTarget(), true));
    List<String> rest = new ArrayList<>(survivors.subList(1, survivors.size()));
    for (String link : rest) {
      entries.put(link, moved(entries.get(link), link, heir, true));
    }
    if (!rest.isEmpty()) {
      links.put(heir, rest);
    }
  }

  /**
   * A hard link at {@code path} to the inode of {@code owner}: it carries the inode's attributes
   * (whatever its own tar header said), so it describes the file without a lookup.
   */
  static LayerEntry hardLink(LayerEntry owner, String path) {
    return new LayerEntry(
        path,
        EntryType.HARDLINK,
        owner.mode(),
        owner.uid(),
        owner.gid(),
        0,
        owner.mtimeSec(),
        owner.mtimeNsec(),
        owner.path(),
        0,
        owner.xattrs(),
        true);
  }

  /** A copy of {@code e} at {@code path} with another link target. */
  static LayerEntry moved(LayerEntry e, String path, String linkTarget, boolean inRootfs) {
    return new LayerEntry(
        path,
        e.type(),
        e.mode(),
        e.uid(),
        e.gid(),
        e.size(),
        e.mtimeSec(),
        e.mtimeNsec(),
        linkTarget,
        e.rdev(),
        e.xattrs(),
        inRootfs);
  }

  private void requireDirectory(String tarName, String path, String role)
      throws InvalidContentException {
    LayerEntry e = entries.get(path);
    if (e.type() == EntryType.DIRECTORY) {
      return;
    }
    boolean symlink =
        e.type() == EntryType.SYMLINK
            || (e.type() == EntryType.HARDLINK
                && e.inRootfs()
                && entries.get(e.linkTarget()).type() == EntryType.SYMLINK);
    if (symlink) {
      throw new UnsafeLayerException(tarName, role + " \"" + path + "\" is a symlink");
    }
    throw invalid(tarName, role + " \"" + path + "\" is not a directory");
  }

  private static InvalidContentException invalid(String tarName, String reason) {
    return new InvalidContentException("invalid layer entry \"" + tarName + "\": " + reason);
  }
}
