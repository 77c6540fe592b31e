package io.jdock.archive;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageIndex;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.InvalidContentException;
import io.jdock.oci.MediaType;
import io.jdock.oci.Parsed;
import io.jdock.oci.Platform;
import io.jdock.reference.ImageReference;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The images of an OCI image layout without manifest.json
 * (https://github.com/opencontainers/image-spec/blob/main/image-layout.md): each entry of {@code
 * index.json} is an image, named by its {@code io.containerd.image.name} or {@code
 * org.opencontainers.image.ref.name} annotation ({@link LayoutNames}); an entry that is an index is
 * resolved to its manifest for the wanted platform. Entries whose config is not an image config
 * (artifacts) are skipped.
 */
final class OciLayout {
  static final String INDEX = "index.json";

  private OciLayout() {}

  static List<ArchivedImage> images(ArchiveContents contents, Platform platform)
      throws IOException {
    ImageIndex index = parseIndex(contents.require(INDEX, "the archive").readAll(INDEX));
    List<ArchivedImage> images = new ArrayList<>();
    for (Descriptor entry : index.manifests()) {
      Descriptor manifest = entry;
      if (isIndex(entry)) {
        ImageIndex nested = parseIndex(blob(contents, entry));
        manifest =
            IndexPlatforms.select(nested, platform)
                .orElseThrow(
                    () ->
                        new InvalidArchiveException(
                            "no matching manifest for "
                                + platform
                                + " in the manifest list entries"));
      }
      Optional<ArchivedImage> image = image(contents, manifest, LayoutNames.of(entry));
      image.ifPresent(images::add);
    }
    return images;
  }

  private static Optional<ArchivedImage> image(
      ArchiveContents contents, Descriptor descriptor, List<ImageReference> tags)
      throws IOException {
    Parsed<ImageManifest> manifest = ImageManifest.parse(blob(contents, descriptor));
    Descriptor config = manifest.value().config();
    if (config.mediaType() != null && !config.mediaType().isConfig()) {
      return Optional.empty();
    }
    List<ArchiveFile> layers = new ArrayList<>();
    for (Descriptor layer : manifest.value().layers()) {
      layers.add(contents.require(BlobPaths.of(layer.digest()), "the image manifest"));
    }
    MediaType type =
        descriptor.mediaType() != null ? descriptor.mediaType() : MediaType.OCI_MANIFEST;
    return Optional.of(
        new ArchivedImage(
            blob(contents, config),
            layers,
            Optional.of(new ArchivedImage.Original(type, manifest)),
            tags));
  }

  /** The bytes of a small blob, checked against its descriptor's digest and size. */
  static byte[] blob(ArchiveContents contents, Descriptor d) throws IOException {
    String path = BlobPaths.of(d.digest());
    byte[] raw = contents.require(path, INDEX).readAll("blob");
    Digest actual = Digest.sha256(raw);
    if (!actual.equals(d.digest())) {
      throw new InvalidArchiveException(
          "invalid archive: blob " + d.digest() + " has the digest " + actual);
    }
    if (d.size() != raw.length) {
      throw new InvalidArchiveException(
          "invalid archive: blob "
              + d.digest()
              + " has "
              + raw.length
              + " bytes, its descriptor says "
              + d.size());
    }
    return raw;
  }

  private static boolean isIndex(Descriptor d) {
    return d.mediaType() != null && d.mediaType().isIndex();
  }

  private static ImageIndex parseIndex(byte[] raw) throws InvalidContentException {
    return ImageIndex.parse(raw).value();
  }
}
