package io.jdock.archive;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageIndex;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.InvalidContentException;
import io.jdock.oci.MediaType;
import io.jdock.oci.Parsed;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The images of a {@code docker save} archive, as its {@code manifest.json} lists them: it is
 * authoritative (Docker 25.0.0 wrote OCI manifests without layers, moby#47065), and its paths are
 * followed whatever the layout (reference doc section 1.8). When the archive also is an OCI layout
 * holding a manifest of exactly these config and layer blobs, that manifest is kept.
 */
final class DockerArchive {
  private static final int MAX_INDEX_DEPTH = 4;

  private DockerArchive() {}

  static List<ArchivedImage> images(ArchiveContents contents, List<DockerManifestItem> items)
      throws IOException {
    List<ArchivedImage> images = new ArrayList<>();
    for (DockerManifestItem item : items) {
      byte[] config = contents.require(item.config(), DockerManifestItem.FILE).readAll("config");
      List<ArchiveFile> layers = new ArrayList<>();
      for (String path : item.layerPaths()) {
        layers.add(contents.require(path, DockerManifestItem.FILE));
      }
      List<ImageReference> tags = tags(item.tags());
      Optional<ArchivedImage.Original> own = ownManifest(contents, Digest.sha256(config), layers);
      images.add(new ArchivedImage(config, layers, own, tags));
    }
    return images;
  }

  /** RepoTags as moby's loader reads them: each must parse and carry a tag. */
  private static List<ImageReference> tags(List<String> repoTags) throws InvalidArchiveException {
    Set<ImageReference> tags = new LinkedHashSet<>();
    for (String repoTag : repoTags) {
      ImageReference ref;
      try {
        ref = ImageReference.parse(repoTag);
      } catch (InvalidReferenceException e) {
        throw new InvalidArchiveException(e.getMessage(), e);
      }
      if (ref.tag().isEmpty() || ref.digest().isPresent()) {
        throw new InvalidArchiveException("invalid tag \"" + repoTag + "\"");
      }
      tags.add(ref);
    }
    return List.copyOf(tags);
  }

  /** The archive's OCI manifest of this config and these layer blobs, if index.json has one. */
  private static Optional<ArchivedImage.Original> ownManifest(
      ArchiveContents contents, Digest config, List<ArchiveFile> layers) throws IOException {
    Optional<ArchiveFile> index = contents.find(OciLayout.INDEX);
    if (index.isEmpty()) {
      return Optional.empty();
    }
    List<Digest> layerDigests = new ArrayList<>();
    for (ArchiveFile layer : layers) {
      layerDigests.add(layer.digest());
    }
    try {
      return search(contents, ImageIndex.parse(index.get().readAll("index")).value(), 0).stream()
          .filter(m -> m.parsed().value().config().digest().equals(config))
          .filter(m -> layerDigests.equals(digests(m.parsed().value().layers())))
          .findFirst();
    } catch (InvalidContentException e) {
      return Optional.empty(); // manifest.json decides; a broken index.json is only unused
    }
  }

  private static List<ArchivedImage.Original> search(
      ArchiveContents contents, ImageIndex index, int depth) throws IOException {
    List<ArchivedImage.Original> found = new ArrayList<>();
    for (Descriptor d : index.manifests()) {
      Optional<ArchiveFile> blob = contents.find(BlobPaths.of(d.digest()));
      if (blob.isEmpty() || blob.get().size() > ArchiveFile.METADATA_LIMIT) {
        continue;
      }
      byte[] raw = blob.get().readAll("manifest");
      if (!Digest.sha256(raw).equals(d.digest())) {
        continue;
      }
      MediaType type = d.mediaType() == null ? MediaType.OCI_MANIFEST : d.mediaType();
      if (type.isIndex() && depth < MAX_INDEX_DEPTH) {
        found.addAll(search(contents, ImageIndex.parse(raw).value(), depth + 1));
      } else if (type.isManifest()) {
        Parsed<ImageManifest> parsed = ImageManifest.parse(raw);
        found.add(new ArchivedImage.Original(type, parsed));
      }
    }
    return found;
  }

  private static List<Digest> digests(List<Descriptor> descriptors) {
    return descriptors.stream().map(Descriptor::digest).toList();
  }
}
