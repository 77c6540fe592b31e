package io.jdock.union;

import io.jdock.layer.EntryType;
import io.jdock.layer.LayerEntry;
import io.jdock.layer.Whiteouts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds a lower layer for tests: TOC-like entries plus the content of its regular files. */
final class LayerBuilder {
  static final long MTIME = 1_600_000_000L;

  private final Path dataRoot;
  private final List<LayerEntry> entries = new ArrayList<>();

  LayerBuilder(Path dataRoot) throws IOException {
    this.dataRoot = Files.createDirectories(dataRoot);
  }

  LayerBuilder dir(String path) {
    return dir(path, 0755);
  }

  LayerBuilder dir(String path, int mode) {
    return add(path, EntryType.DIRECTORY, mode, 0, null, 0, Map.of());
  }

  LayerBuilder file(String path, String content) throws IOException {
    return file(path, content, 0644, Map.of());
  }

  LayerBuilder file(String path, String content, int mode, Map<String, byte[]> xattrs)
      throws IOException {
    byte[] data = content.getBytes(StandardCharsets.UTF_8);
    Path f = dataRoot.resolve(path);
    Files.createDirectories(f.getParent());
    Files.write(f, data);
    return add(path, EntryType.REGULAR, mode, data.length, null, 0, xattrs);
  }

  LayerBuilder owned(String path, String content, int uid, int gid) throws IOException {
    file(path, content);
    LayerEntry e = entries.remove(entries.size() - 1);
    entries.add(
        new LayerEntry(
            e.path(),
            e.type(),
            e.mode(),
            uid,
            gid,
            e.size(),
            e.mtimeSec(),
            0,
            null,
            0,
            Map.of(),
            true));
    return this;
  }

  LayerBuilder symlink(String path, String target) {
    return add(path, EntryType.SYMLINK, 0777, 0, target, 0, Map.of());
  }

  LayerBuilder hardlink(String path, String target) throws IOException {
    Path f = dataRoot.resolve(path);
    Files.createDirectories(f.getParent());
    Files.createLink(f, dataRoot.resolve(target));
    return add(path, EntryType.HARDLINK, 0644, 0, target, 0, Map.of());
  }

  LayerBuilder fifo(String path) {
    return add(path, EntryType.FIFO, 0644, 0, null, 0, Map.of());
  }

  LayerBuilder charDevice(String path, long rdev) {
    return add(path, EntryType.CHAR_DEVICE, 0666, 0, null, rdev, Map.of());
  }

  /** A whiteout hiding PATH in the layers below. */
  LayerBuilder whiteout(String path) {
    int slash = path.lastIndexOf('/');
    String marker =
        slash < 0
            ? Whiteouts.markerFor(path)
            : path.substring(0, slash + 1) + Whiteouts.markerFor(path.substring(slash + 1));
    return add(marker, EntryType.WHITEOUT, 0, 0, null, 0, Map.of());
  }

  /** Marks DIR opaque. */
  LayerBuilder opaque(String dir) {
    return add(
        dir.isEmpty() ? Whiteouts.OPAQUE : dir + "/" + Whiteouts.OPAQUE,
        EntryType.OPAQUE,
        0,
        0,
        null,
        0,
        Map.of());
  }

  private LayerBuilder add(
      String path,
      EntryType type,
      int mode,
      long size,
      String link,
      long rdev,
      Map<String, byte[]> xattrs) {
    entries.add(new LayerEntry(path, type, mode, 0, 0, size, MTIME, 0, link, rdev, xattrs, true));
    return this;
  }

  LowerLayer build() {
    return new LowerLayer(entries, dataRoot);
  }
}
