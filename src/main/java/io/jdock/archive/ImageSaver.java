package io.jdock.archive;

import io.jdock.reference.InvalidReferenceException;
import io.jdock.store.ImageStore;
import io.jdock.store.NoSuchImageException;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * {@code docker save} (reference doc section 1.8): resolves image names as docker does, then writes
 * them as one Docker 25+ archive that docker, skopeo ({@code docker-archive:} and {@code
 * oci-archive:}) and {@code jdock load} read.
 */
public final class ImageSaver {
  private final ImageStore store;

  public ImageSaver(ImageStore store) {
    this.store = store;
  }

  /**
   * The images and tags that saving {@code names} writes.
   *
   * @throws NoSuchImageException with docker's {@code No such image: x:latest}
   */
  public List<SavedImage> select(List<String> names)
      throws IOException, InvalidReferenceException, NoSuchImageException {
    return SaveSelection.of(store, names);
  }

  /** Writes the archive to {@code out} (not closed). */
  public void write(List<SavedImage> images, OutputStream out) throws IOException {
    new SaveArchive(store.blobs(), images).write(out);
    out.flush();
  }

  /**
   * Writes the archive to {@code target} as docker's client does: into a temp file beside it (mode
   * 0600), renamed over it once complete, so a failed save leaves no partial file.
   */
  public void write(List<SavedImage> images, Path target) throws IOException {
    Path dir = target.toAbsolutePath().getParent();
    Path temp = Files.createTempFile(dir, ".jdock_temp_", "");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
          OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16)) {
        write(images, out);
        channel.force(true);
      }
      Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }
}
