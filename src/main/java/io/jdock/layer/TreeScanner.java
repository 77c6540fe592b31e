package io.jdock.layer;

import io.jdock.sys.ExtendedAttributes;
import io.jdock.sys.FileMode;
import io.jdock.sys.Posix;
import io.jdock.sys.Stat;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Describes a directory tree as layer entries, as {@code lstat} sees it: names sorted, parents
 * before children, the second and later names of an inode as hard links to the first, {@code .wh.*}
 * files as whiteout markers. The root itself and sockets (tar has no socket type) are left out, as
 * are overlayfs's private xattrs.
 */
final class TreeScanner {
  private record Inode(long dev, long ino) {}

  private final List<LayerEntry> entries = new ArrayList<>();
  private final Map<Inode, String> firstNames = new HashMap<>();

  private TreeScanner() {}

  static List<LayerEntry> scan(Path dir) throws IOException {
    TreeScanner scanner = new TreeScanner();
    scanner.visitChildren(dir, "");
    return scanner.entries;
  }

  private void visitChildren(Path dir, String rel) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> children = Files.newDirectoryStream(dir)) {
      for (Path child : children) {
        names.add(child.getFileName().toString());
      }
    }
    names.sort(null);
    for (String name : names) {
      Path abs = dir.resolve(name);
      String path = rel.isEmpty() ? name : rel + "/" + name;
      Stat st = Posix.lstat(abs.toString());
      Optional<LayerEntry> entry = describe(abs, path, st);
      if (entry.isPresent()) {
        entries.add(entry.get());
        if (st.isDir()) {
          visitChildren(abs, path);
        }
      }
    }
  }

  private Optional<LayerEntry> describe(Path abs, String path, Stat st) throws IOException {
    String file = abs.toString();
    if (TarPaths.isAufsMetadata(path) || st.type() == FileMode.S_IFSOCK) {
      return Optional.empty();
    }
    Optional<EntryType> marker =
        st.isRegular() ? TarPaths.markerType(path, path) : Optional.empty();
    EntryType type = marker.isPresent() ? marker.get() : typeOf(st);
    String link = type == EntryType.SYMLINK ? Posix.readlink(file) : null;
    if (hardLinkable(type) && st.nlink() > 1) {
      String first = firstNames.putIfAbsent(new Inode(st.dev(), st.ino()), path);
      if (first != null) {
        type = EntryType.HARDLINK;
        link = first;
      }
    }
    boolean device = type == EntryType.CHAR_DEVICE || type == EntryType.BLOCK_DEVICE;
    return Optional.of(
        new LayerEntry(
            path,
            type,
            st.permissions(),
            st.uid(),
            st.gid(),
            type == EntryType.REGULAR ? st.size() : 0,
            st.mtimeSec(),
            (int) st.mtimeNsec(),
            link,
            device ? st.rdev() : 0,
            xattrs(file),
            true));
  }

  private static boolean hardLinkable(EntryType type) {
    return type != EntryType.DIRECTORY && type != EntryType.WHITEOUT && type != EntryType.OPAQUE;
  }

  private static EntryType typeOf(Stat st) throws IOException {
    return switch (st.type()) {
      case FileMode.S_IFREG -> EntryType.REGULAR;
      case FileMode.S_IFDIR -> EntryType.DIRECTORY;
      case FileMode.S_IFLNK -> EntryType.SYMLINK;
      case FileMode.S_IFCHR -> EntryType.CHAR_DEVICE;
      case FileMode.S_IFBLK -> EntryType.BLOCK_DEVICE;
      case FileMode.S_IFIFO -> EntryType.FIFO;
      default -> throw new IOException("unknown file type " + Integer.toOctalString(st.mode()));
    };
  }

  private static Map<String, byte[]> xattrs(String file) throws IOException {
    Map<String, byte[]> xattrs = new LinkedHashMap<>();
    for (String name : ExtendedAttributes.llist(file)) {
      if (name.startsWith("trusted.overlay.")
          || name.startsWith("user.overlay.")
          || name.startsWith("user.jdock.")) {
        continue;
      }
      Optional<byte[]> value = ExtendedAttributes.lget(file, name);
      if (value.isPresent()) {
        xattrs.put(name, value.get());
      }
    }
    return xattrs;
  }
}
