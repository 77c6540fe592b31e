package io.jdock.archive;

import io.jdock.layer.Compression;
import io.jdock.oci.ContainerConfig;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.MediaType;
import io.jdock.oci.OciJson;
import io.jdock.oci.Platform;
import io.jdock.reference.ImageReference;
import io.jdock.store.ImageStore;
import io.jdock.store.LayerUnpacker;
import io.jdock.store.StoreLock;
import io.jdock.store.StoredBlob;
import io.jdock.store.TempSpace;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code docker import} (reference doc section 1.8): a root filesystem tar (plain, gzip, zstd or
 * bzip2) becomes a one-layer image for this machine's platform, its config changed by Dockerfile
 * instructions. The layer blob is stored as given when it is a plain, gzip or zstd tar (OCI has
 * media types for those, and the bytes need no second pass); a bzip2 tar is stored decompressed, as
 * OCI has no bzip2 layer type. The layer is extracted (and so checked: path safety, a valid tar)
 * before the image is registered.
 */
public final class ImageImporter {
  private static final int TAR_BLOCK = 512;

  private final ImageStore store;
  private final LayerUnpacker unpacker;
  private final Platform platform;
  private final Clock clock;

  public ImageImporter(ImageStore store, LayerUnpacker unpacker, Platform platform, Clock clock) {
    this.store = store;
    this.unpacker = unpacker;
    this.platform = platform;
    this.clock = clock;
  }

  /**
   * Imports the tar read from {@code rootfs} (not closed), tagging it {@code tag} if given.
   *
   * @throws InvalidChangeException for a change docker would refuse, before anything is read
   */
  public ImportedImage importTar(
      InputStream rootfs, Optional<ImageReference> tag, List<String> changes, String message)
      throws IOException, InvalidChangeException {
    ContainerConfig config = DockerfileChanges.apply(ContainerConfig.EMPTY, changes);
    try (StoreLock.Held lease = store.leaseContent();
        TempSpace spool = TempSpace.create(store.paths().tmpDir())) {
      ImportedLayer layer = ImportedLayer.spool(rootfs, spool);
      StoredBlob blob = layer.file().store(store.blobs());
      byte[] configBytes =
          ImportConfig.of(platform, config, clock.instant(), message, layer.diffId());
      StoredBlob configBlob = store.blobs().putBytes(configBytes);
      Descriptor layerDescriptor =
          Descriptor.of(LayerMediaTypes.of(layer.compression(), 0), blob.digest(), blob.size());
      ImageManifest manifest =
          ImageManifest.oci(
              Descriptor.of(MediaType.OCI_CONFIG, configBlob.digest(), configBlob.size()),
              List.of(layerDescriptor));
      StoredBlob manifestBlob = store.blobs().putBytes(OciJson.write(manifest));
      store.layers().ensure(layer.diffId(), blob.digest(), DiffIds.checking(unpacker, 0));
      store.addImage(
          Descriptor.of(MediaType.OCI_MANIFEST, manifestBlob.digest(), manifestBlob.size()),
          tag.stream().toList(),
          Map.of());
      return new ImportedImage(configBlob.digest());
    }
  }

  /** The given tar spooled to the temp dir: the blob to store, its compression and diff_id. */
  private record ImportedLayer(ArchiveFile file, Compression compression, Digest diffId) {
    static ImportedLayer spool(InputStream rootfs, TempSpace temp) throws IOException {
      SpooledFile raw = Spools.copy("rootfs", rootfs, temp);
      Compression compression = raw.compression();
      if (compression == Compression.BZIP2) {
        SpooledFile tar;
        try (InputStream in = raw.open();
            InputStream plain = compression.decompressing(in)) {
          tar = Spools.copy("rootfs.tar", plain, temp);
        }
        return checked(tar, Compression.NONE);
      }
      return checked(raw, compression);
    }

    /**
     * A tar is made of 512-byte blocks: Go's reader (docker's) fails on a partial one with
     * "unexpected EOF", where Commons Compress would see an empty tar in a short text file.
     */
    private static ImportedLayer checked(ArchiveFile file, Compression compression)
        throws IOException {
      DiffIds.Tar tar = DiffIds.tar(file, compression);
      if (tar.size() % TAR_BLOCK != 0) {
        throw new InvalidArchiveException("invalid layer tar: unexpected EOF");
      }
      return new ImportedLayer(file, compression, tar.diffId());
    }
  }
}
