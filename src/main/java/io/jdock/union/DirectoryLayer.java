package io.jdock.union;

import io.jdock.layer.EntryType;
import io.jdock.layer.LayerEntry;
import io.jdock.layer.Whiteouts;
import io.jdock.sys.ErrnoException;
import io.jdock.sys.FileMode;
import io.jdock.sys.Posix;
import io.jdock.sys.Stat;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a plain directory as a lower layer, as fuse-overlayfs is given lower dirs: attributes from
 * lstat (xattrs are read from the files when asked for), hard links by (dev, ino), and whiteouts in
 * both forms: OCI ({@code .wh.NAME}, {@code .wh..wh..opq}) and overlayfs (char device 0/0, opaque
 * xattr).
 */
public final class DirectoryLayer {
  private final Path root;
  private final List<LayerEntry> entries = new ArrayList<>();
  private final Map<Long, String> linkTargets = new HashMap<>();

  private DirectoryLayer(Path root) {
    this.root = root;
  }

  /** Scans DIR (which the caller keeps unchanged while it is mounted). */
  public static LowerLayer scan(Path dir) throws IOException {
    DirectoryLayer d = new DirectoryLayer(dir.toAbsolutePath().normalize());
    String abs = d.root.toString();
    d.add("", Posix.lstat(abs), abs);
    d.walk("", abs);
    return new LowerLayer(d.entries, d.root, true);
  }

  private void walk(String rel, String abs) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(Path.of(abs))) {
      for (Path p : ds) {
        names.add(p.getFileName().toString());
      }
    }
    names.sort(null);
    if (!names.contains(Whiteouts.OPAQUE) && OverlayMarkers.isOpaqueDir(abs)) {
      entries.add(marker(Tree.child(rel, Whiteouts.OPAQUE), EntryType.OPAQUE));
    }
    for (String name : names) {
      String childRel = Tree.child(rel, name);
      String childAbs = abs + "/" + name;
      Stat st = Posix.lstat(childAbs);
      if (name.startsWith(Whiteouts.AUFS_META_PREFIX) && !Whiteouts.isOpaque(name)) {
        continue;
      }
      if (OverlayMarkers.isWhiteoutDevice(st)) {
        entries.add(marker(Tree.child(rel, Whiteouts.markerFor(name)), EntryType.WHITEOUT));
        continue;
      }
      add(childRel, st, childAbs);
      if (st.isDir()) {
        walk(childRel, childAbs);
      }
    }
  }

  private void add(String rel, Stat st, String abs) throws ErrnoException {
    String name = rel.substring(rel.lastIndexOf('/') + 1);
    if (Whiteouts.isOpaque(name)) {
      entries.add(marker(rel, EntryType.OPAQUE));
      return;
    }
    if (Whiteouts.isWhiteout(name)) {
      entries.add(marker(rel, EntryType.WHITEOUT));
      return;
    }
    EntryType type = typeOf(st);
    String link = null;
    if (type == EntryType.SYMLINK) {
      link = Posix.readlink(abs);
    } else if (type == EntryType.REGULAR && st.nlink() > 1) {
      long key = st.dev() * 31 + st.ino();
      String first = linkTargets.putIfAbsent(key, rel);
      if (first != null) {
        type = EntryType.HARDLINK;
        link = first;
      }
    }
    entries.add(
        new LayerEntry(
            rel,
            type,
            st.permissions(),
            st.uid(),
            st.gid(),
            type == EntryType.REGULAR ? st.size() : 0,
            st.mtimeSec(),
            (int) st.mtimeNsec(),
            link,
            st.rdev(),
            Map.of(),
            true));
  }

  private static LayerEntry marker(String rel, EntryType type) {
    return new LayerEntry(rel, type, 0, 0, 0, 0, 0, 0, null, 0, Map.of(), true);
  }

  private static EntryType typeOf(Stat st) {
    return switch (st.type()) {
      case FileMode.S_IFDIR -> EntryType.DIRECTORY;
      case FileMode.S_IFLNK -> EntryType.SYMLINK;
      case FileMode.S_IFCHR -> EntryType.CHAR_DEVICE;
      case FileMode.S_IFBLK -> EntryType.BLOCK_DEVICE;
      case FileMode.S_IFIFO -> EntryType.FIFO;
      default -> EntryType.REGULAR;
    };
  }
}
