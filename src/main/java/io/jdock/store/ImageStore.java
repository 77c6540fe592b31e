package io.jdock.store;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageConfig;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.InvalidContentException;
import io.jdock.oci.Parsed;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The image store: an OCI image layout plus jdock's layers, records and temp space (see {@link
 * StorePaths}). Images are read from index.json; every change of it is a locked transaction, so
 * concurrent jdock processes never lose an update, and a process killed at any point leaves a store
 * the next one opens without error. Open one per process and close it at exit.
 */
public final class ImageStore implements AutoCloseable {
  private final StorePaths paths;
  private final TempSpace temp;
  private final StoreLock storeLock;
  private final StoreLock gcLock;
  private final IndexFile indexFile;
  private final BlobStore blobs;
  private final LayerStore layers;
  private final ContainerStore containers;
  private final MountStore mounts;

  private ImageStore(StorePaths paths, TempSpace temp) {
    this.paths = paths;
    this.temp = temp;
    this.storeLock = StoreLock.of(paths.storeLock());
    this.gcLock = StoreLock.of(paths.gcLock());
    this.indexFile = new IndexFile(paths);
    this.blobs = new BlobStore(paths, temp, gcLock);
    this.layers = new LayerStore(paths, temp, blobs, gcLock);
    this.containers = new ContainerStore(paths, storeLock, temp);
    this.mounts = new MountStore(paths, storeLock, temp);
  }

  /**
   * Opens the store, creating the layout if missing, checking it, and removing the temp dirs of
   * processes that died.
   */
  public static ImageStore open(StorePaths paths) throws IOException {
    if (Files.exists(paths.ociLayout())) {
      // Check before creating anything in a layout jdock cannot use.
      new IndexFile(paths).validateLayout();
    }
    StoreLayout.prepare(paths);
    TempSpace.removeDead(paths.tmpDir());
    TempSpace temp = TempSpace.create(paths.tmpDir());
    try {
      ImageStore store = new ImageStore(paths, temp);
      if (!Files.exists(paths.ociLayout()) || !Files.exists(paths.index())) {
        try (StoreLock.Held lock = store.storeLock.exclusive()) {
          store.indexFile.createIfMissing(temp);
        }
      }
      store.indexFile.validateLayout();
      return store;
    } catch (IOException | RuntimeException e) {
      temp.close();
      throw e;
    }
  }

  public StorePaths paths() {
    return paths;
  }

  public BlobStore blobs() {
    return blobs;
  }

  public LayerStore layers() {
    return layers;
  }

  public ContainerStore containers() {
    return containers;
  }

  public MountStore mounts() {
    return mounts;
  }

  /**
   * Holds off garbage collection until closed: take it before writing the blobs and layers of an
   * image and close it once {@link #addImage} has registered the image.
   */
  public StoreLock.Held leaseContent() throws IOException {
    return gcLock.shared();
  }

  /** Every image, one per image ID, in index.json order. */
  public List<Image> images() throws IOException {
    ManifestCache cache = manifestCache();
    return ImageCatalog.build(new IndexEditor(indexFile.read(), cache), cache, layers);
  }

  /** The image with this ID. */
  public Optional<Image> image(Digest id) throws IOException {
    return images().stream().filter(i -> i.id().equals(id)).findFirst();
  }

  /**
   * The image a user argument names, in docker's lookup order: reference ({@code :latest} added),
   * then image ID or unique ID prefix. Fails only for an argument that is no valid reference.
   */
  public Optional<Image> find(String argument) throws IOException, InvalidReferenceException {
    List<Image> all = images();
    Map<ImageReference, Digest> byRef = new HashMap<>();
    for (Image image : all) {
      image.references().forEach(ref -> byRef.putIfAbsent(ref, image.id()));
    }
    List<Digest> ids = all.stream().map(Image::id).toList();
    Optional<Digest> id =
        ImageLookup.resolve(argument, ref -> Optional.ofNullable(byRef.get(ref)), ids);
    return id.flatMap(d -> all.stream().filter(i -> i.id().equals(d)).findFirst());
  }

  /**
   * As {@link #find}, failing with docker's {@code No such image: ubuntu:latest} when nothing
   * matches.
   */
  public Image get(String argument)
      throws IOException, InvalidReferenceException, NoSuchImageException {
    return find(argument)
        .orElseThrow(() -> new NoSuchImageException(ImageLookup.notFoundMessage(argument)));
  }

  /**
   * Registers an image manifest whose blobs (manifest, config, layers) are all stored, under the
   * given references (moved from any image that had them) and with the given {@code io.jdock.*}
   * annotations; with no references it is listed as dangling unless already listed.
   */
  public List<MovedReference> addImage(
      Descriptor manifest, List<ImageReference> refs, Map<String, String> jdockAnnotations)
      throws IOException {
    jdockAnnotations.keySet().forEach(ImageStore::checkAnnotationKey);
    try (IndexTransaction tx = IndexTransaction.begin(this)) {
      Digest id = checkComplete(manifest);
      List<MovedReference> moved = new ArrayList<>();
      for (ImageReference ref : refs) {
        ImageReference normalized = RefNames.normalize(ref);
        tx.index()
            .setRef(normalized, manifest, id)
            .ifPresent(previous -> moved.add(new MovedReference(normalized, previous)));
      }
      tx.index().ensureListed(manifest, id);
      tx.index().putAnnotations(id, jdockAnnotations);
      tx.commit();
      return moved;
    }
  }

  private Digest checkComplete(Descriptor manifest) throws IOException {
    String context = "registering image manifest " + manifest.digest();
    if (!blobs.has(manifest.digest())) {
      throw new BlobNotFoundException(manifest.digest(), context);
    }
    Parsed<ImageManifest> parsed = ImageManifest.parse(blobs.read(manifest.digest()));
    Digest configDigest = parsed.value().config().digest();
    if (!blobs.has(configDigest)) {
      throw new BlobNotFoundException(configDigest, context);
    }
    Parsed<ImageConfig> config = ImageConfig.parse(blobs.read(configDigest));
    for (Descriptor layer : parsed.value().layers()) {
      if (!blobs.has(layer.digest())) {
        throw new BlobNotFoundException(layer.digest(), context);
      }
    }
    if (config.value().diffIds().size() != parsed.value().layers().size()) {
      throw new InvalidContentException(
          context
              + ": the manifest has "
              + parsed.value().layers().size()
              + " layers but the config "
              + config.value().diffIds().size()
              + " diff_ids");
    }
    return configDigest;
  }

  private static void checkAnnotationKey(String key) {
    if (!key.startsWith(ImageAnnotations.PREFIX)) {
      throw new IllegalArgumentException("not a jdock annotation: " + key);
    }
  }

  /**
   * Points a tag at an image ({@code :latest} added to a bare name), moving it from any other
   * image, and records the tag time. Returns the image that lost the tag.
   */
  public Optional<Digest> tag(Image image, ImageReference ref)
      throws IOException, NoSuchImageException {
    if (ref.digest().isPresent()) {
      throw new IllegalArgumentException("refusing to create a tag with a digest reference");
    }
    try (IndexTransaction tx = IndexTransaction.begin(this)) {
      if (!tx.index().imageIds().contains(image.id())) {
        throw new NoSuchImageException("No such image: " + image.id());
      }
      Optional<Digest> previous =
          tx.index().setRef(ref.withDefaultTag(), image.manifestDescriptor(), image.id());
      tx.index().putAnnotations(image.id(), Map.of(ImageAnnotations.LAST_TAG_TIME, now()));
      tx.commit();
      return previous;
    }
  }

  /**
   * Removes a reference ({@code :latest} added to a bare name); an image that loses its last one
   * stays, dangling. Returns the image it pointed at.
   */
  public Optional<Digest> untag(ImageReference ref) throws IOException {
    try (IndexTransaction tx = IndexTransaction.begin(this)) {
      Optional<Digest> image = tx.index().removeRef(ref);
      tx.commit();
      return image;
    }
  }

  /** Deletes what no image, container or mount uses (waits for writers to finish). */
  public GcResult gc() throws IOException {
    return new GarbageCollector(this).collect();
  }

  /** Collects garbage unless another process is writing content; then it is left for later. */
  Optional<GcResult> gcIfIdle() throws IOException {
    return new GarbageCollector(this).collectIfIdle();
  }

  /** Sizes for {@code system df}. */
  public DiskUsage diskUsage() throws IOException {
    return DiskUsageMeter.measure(this);
  }

  /** Releases this process's temp dir. */
  @Override
  public void close() throws IOException {
    temp.close();
  }

  ManifestCache manifestCache() {
    return new ManifestCache(blobs);
  }

  IndexFile indexFile() {
    return indexFile;
  }

  TempSpace temp() {
    return temp;
  }

  StoreLock storeLock() {
    return storeLock;
  }

  StoreLock gcLock() {
    return gcLock;
  }

  private static String now() {
    return Instant.now().toString();
  }
}
