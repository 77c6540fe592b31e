package io.jdock.store;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Creates the store's directories, refusing a root that holds anything else than an OCI layout
 * (other tools' files there are fine) or jdock's own entries would be mistaken for one: a mistyped
 * {@code --root} must not scatter jdock's dirs into an unrelated directory.
 */
final class StoreLayout {
  private static final Set<String> OWN_ENTRIES =
      Set.of("oci-layout", "index.json", "blobs", "layers", "containers", "mounts", "tmp", "locks");

  private StoreLayout() {}

  static void prepare(StorePaths paths) throws IOException {
    Path root = paths.root();
    if (Files.isDirectory(root) && !Files.exists(paths.ociLayout())) {
      List<String> foreign = new ArrayList<>();
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
        entries.forEach(
            e -> {
              if (!OWN_ENTRIES.contains(e.getFileName().toString())) {
                foreign.add(e.getFileName().toString());
              }
            });
      }
      if (!foreign.isEmpty()) {
        throw new IOException(
            "cannot use "
                + root
                + " as the jdock store: it is not empty and not an OCI image"
                + " layout (it holds "
                + String.join(", ", foreign.stream().sorted().limit(3).toList())
                + (foreign.size() > 3 ? ", ..." : "")
                + "); choose another --root or JDOCK_ROOT");
      }
    }
    for (Path dir :
        List.of(
            paths.blobsDir(),
            paths.layersDir(),
            paths.containersDir(),
            paths.mountsDir(),
            paths.tmpDir(),
            paths.locksDir())) {
      Files.createDirectories(dir);
    }
  }
}
