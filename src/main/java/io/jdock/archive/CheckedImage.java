package io.jdock.archive;

import io.jdock.layer.Compression;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageConfig;
import io.jdock.oci.MediaType;
import io.jdock.oci.Parsed;
import io.jdock.store.LayerStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * An archived image whose metadata holds together: the config parses, it lists as many diff_ids as
 * there are layers, the archive's own manifest (if kept) names these very files, and every layer
 * whose diff_id can be checked without extracting it matches. A compressed layer that is not
 * extracted yet is checked while it is extracted ({@link DiffIds#checking}).
 */
record CheckedImage(
    ArchivedImage image, Parsed<ImageConfig> config, List<Compression> compressions) {

  static CheckedImage check(ArchivedImage image, LayerStore extracted) throws IOException {
    Parsed<ImageConfig> config = ImageConfig.parse(image.config());
    List<Digest> diffIds = config.value().diffIds();
    DiffIds.checkCount(image.layers().size(), diffIds);
    if (image.manifest().isPresent()) {
      checkOwnManifest(image);
    }
    List<Compression> compressions = new ArrayList<>();
    for (int i = 0; i < image.layers().size(); i++) {
      ArchiveFile layer = image.layers().get(i);
      Compression compression = layer.compression();
      compressions.add(compression);
      if (image.manifest().isEmpty()) {
        LayerMediaTypes.of(compression, i); // a manifest will be written: refuse what it cannot say
      }
      if (compression == Compression.NONE || extracted.has(diffIds.get(i))) {
        Digest actual = DiffIds.of(layer, compression);
        if (!actual.equals(diffIds.get(i))) {
          throw DiffIds.mismatch(i, diffIds.get(i), actual);
        }
      }
    }
    return new CheckedImage(image, config, compressions);
  }

  private static void checkOwnManifest(ArchivedImage image) throws IOException {
    List<Descriptor> described = image.manifest().get().parsed().value().layers();
    for (int i = 0; i < described.size(); i++) {
      ArchiveFile file = image.layers().get(i);
      Descriptor d = described.get(i);
      if (!file.digest().equals(d.digest()) || file.size() != d.size()) {
        throw new InvalidArchiveException(
            "invalid archive: layer "
                + i
                + " ("
                + file.name()
                + ") is not the blob its manifest describes ("
                + d.digest()
                + ", "
                + d.size()
                + " bytes)");
      }
    }
  }

  /** The media type a new manifest gives layer {@code i}: the one of its real compression. */
  MediaType layerMediaType(int i) throws InvalidArchiveException {
    return image.manifest().isPresent()
        ? image.manifest().get().parsed().value().layers().get(i).mediaType()
        : LayerMediaTypes.of(compressions.get(i), i);
  }

  /** The image ID: the digest of the config's bytes. */
  Digest id() {
    return config.digest();
  }
}
