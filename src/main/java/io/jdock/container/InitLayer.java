package io.jdock.container;

import io.jdock.layer.EntryType;
import io.jdock.layer.LayerEntry;
import io.jdock.sys.Posix;
import io.jdock.sys.Stat;
import io.jdock.union.FileSystem;
import io.jdock.union.FsException;
import io.jdock.union.LowerLayer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * docker's init layer (daemon/initlayer): the mount points a container needs and its image may lack
 * ({@code /proc}, {@code /sys}, {@code /dev}, {@code /etc/hosts}...), made once per container as a
 * lower layer above the image's, so they never show in {@code diff} or {@code commit}. Only what
 * the image lacks is listed: an image's own {@code /etc} keeps its attributes.
 */
final class InitLayer {
  /** The candidates, parents first; a trailing slash marks a directory. */
  private static final List<String> CANDIDATES =
      List.of("proc/", "sys/", "dev/", "etc/", "etc/hostname", "etc/hosts", "etc/resolv.conf");

  /** Lists what the layer holds, one {@code d PATH} or {@code f PATH} per line. */
  private static final String LISTING = ".jdock-init";

  private InitLayer() {}

  /** Makes the layer in DIR for an image seen through IMAGE (a union of its layers). */
  static void create(Path dir, FileSystem image) throws IOException {
    Files.createDirectories(dir);
    StringBuilder listing = new StringBuilder();
    for (String c : CANDIDATES) {
      boolean isDir = c.endsWith("/");
      String path = isDir ? c.substring(0, c.length() - 1) : c;
      try {
        if (UnionPaths.lookup(image, path).isPresent()) {
          continue;
        }
      } catch (FsException e) {
        throw new IOException("reading the image: " + path + ": " + e.getMessage(), e);
      }
      Path p = dir.resolve(path);
      if (isDir) {
        Files.createDirectories(p);
      } else {
        Files.createDirectories(p.getParent());
        Files.write(p, new byte[0]);
      }
      listing.append(isDir ? "d " : "f ").append(path).append('\n');
    }
    Files.writeString(dir.resolve(LISTING), listing.toString());
  }

  /** The layer as a union lower layer (empty if it was never made). */
  static LowerLayer read(Path dir) throws IOException {
    Path listingFile = dir.resolve(LISTING);
    List<LayerEntry> entries = new ArrayList<>();
    if (Files.exists(listingFile)) {
      for (String line : Files.readAllLines(listingFile, StandardCharsets.UTF_8)) {
        if (line.length() < 3) {
          continue;
        }
        String path = line.substring(2);
        boolean isDir = line.charAt(0) == 'd';
        Stat st = Posix.lstat(dir.resolve(path).toString());
        entries.add(
            new LayerEntry(
                path,
                isDir ? EntryType.DIRECTORY : EntryType.REGULAR,
                isDir ? 0755 : 0644,
                0,
                0,
                0,
                st.mtimeSec(),
                (int) st.mtimeNsec(),
                null,
                0,
                Map.of(),
                true));
      }
    }
    return new LowerLayer(entries, dir);
  }
}
