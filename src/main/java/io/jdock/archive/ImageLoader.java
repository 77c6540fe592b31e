package io.jdock.archive;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Platform;
import io.jdock.store.ImageStore;
import io.jdock.store.LayerUnpacker;
import io.jdock.store.MovedReference;
import io.jdock.store.StoreLock;
import io.jdock.store.TempSpace;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code docker load} (reference doc section 1.8): reads a {@code docker save} archive of either
 * generation or an OCI layout (a tar, plain or gzip/zstd-compressed, or a directory) and registers
 * its images under their tags. Every image is checked, stored and extracted before any is
 * registered, so a refused archive leaves no image; what it stored by then are complete,
 * unreferenced blobs, which the next garbage collection removes.
 */
public final class ImageLoader {
  private final ImageStore store;
  private final LayerUnpacker unpacker;
  private final Platform platform;

  /**
   * @param unpacker extracts layers into the store (the layer package's extractor)
   * @param platform the platform whose manifest is picked from a multi-platform index
   */
  public ImageLoader(ImageStore store, LayerUnpacker unpacker, Platform platform) {
    this.store = store;
    this.unpacker = unpacker;
    this.platform = platform;
  }

  /** Loads the archive tar read from {@code archive} (not closed). */
  public List<LoadedImage> load(InputStream archive) throws IOException {
    try (StoreLock.Held lease = store.leaseContent();
        TempSpace spool = TempSpace.create(store.paths().tmpDir())) {
      return load(TarContents.read(archive, spool, store.blobs()));
    }
  }

  /** Loads the OCI layout (or extracted {@code docker save}) in {@code dir}. */
  public List<LoadedImage> loadDirectory(Path dir) throws IOException {
    try (StoreLock.Held lease = store.leaseContent()) {
      return load(new DirectoryContents(dir));
    }
  }

  private List<LoadedImage> load(ArchiveContents contents) throws IOException {
    List<CheckedImage> checked = new ArrayList<>();
    for (ArchivedImage image : find(contents)) {
      checked.add(CheckedImage.check(image, store.layers()));
    }
    ImageStaging staging = new ImageStaging(store, unpacker);
    List<Descriptor> manifests = new ArrayList<>();
    for (CheckedImage image : checked) {
      manifests.add(staging.stage(image));
    }
    List<LoadedImage> loaded = new ArrayList<>();
    for (int i = 0; i < checked.size(); i++) {
      CheckedImage image = checked.get(i);
      List<MovedReference> moved = store.addImage(manifests.get(i), image.image().tags(), Map.of());
      loaded.add(new LoadedImage(image.id(), image.image().tags(), moved));
    }
    return loaded;
  }

  /** manifest.json when there is one (it is authoritative), else index.json. */
  private List<ArchivedImage> find(ArchiveContents contents) throws IOException {
    Optional<ArchiveFile> manifest = contents.find(DockerManifestItem.FILE);
    if (manifest.isPresent()) {
      List<DockerManifestItem> items =
          DockerManifestItem.parse(manifest.get().readAll(DockerManifestItem.FILE));
      return DockerArchive.images(contents, items);
    }
    if (contents.find(OciLayout.INDEX).isPresent()) {
      return OciLayout.images(contents, platform);
    }
    throw new InvalidArchiveException("invalid archive: does not contain a manifest.json");
  }
}
