package io.jdock.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageIndex;
import io.jdock.oci.InvalidContentException;
import io.jdock.oci.OciJson;
import io.jdock.reference.ImageReference;
import io.jdock.store.BlobStore;
import io.jdock.store.Image;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes images as a Docker 25+ archive (moby#44598; reference doc section 1.8): an OCI layout
 * ({@code blobs/sha256/*}, {@code index.json} naming each tag with {@code io.containerd.image.name}
 * and {@code org.opencontainers.image.ref.name}, {@code oci-layout}) plus {@code manifest.json} and
 * {@code repositories} for docker's loaders. Blobs go out as stored, byte for byte (manifests,
 * configs, layers compressed or not), so an image keeps its ID and manifest digest through a round
 * trip. Reproducible: entries sorted, owner 0:0, config and layer blobs dated at the image's
 * creation, everything else at the epoch.
 */
final class SaveArchive {
  private static final Instant EPOCH = Instant.EPOCH;
  private static final byte[] OCI_LAYOUT =
      "{\"imageLayoutVersion\": \"1.0.0\"}".getBytes(StandardCharsets.UTF_8);
  private static final ObjectWriter JSON =
      OciJson.mapper().writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private final BlobStore blobs;
  private final List<SavedImage> images;

  /** Every blob to write, by digest (sorted), with its mtime. */
  private final Map<Digest, Instant> blobTimes = new TreeMap<>();

  SaveArchive(BlobStore blobs, List<SavedImage> images) {
    this.blobs = blobs;
    this.images = List.copyOf(images);
    for (SavedImage saved : images) {
      Image image = saved.image();
      Instant created = image.created().orElse(EPOCH);
      blobTimes.putIfAbsent(image.manifestDescriptor().digest(), EPOCH);
      blobTimes.putIfAbsent(image.id(), created);
      for (Descriptor layer : image.manifest().value().layers()) {
        blobTimes.putIfAbsent(layer.digest(), created);
      }
    }
  }

  void write(OutputStream out) throws IOException {
    ArchiveTarWriter tar = new ArchiveTarWriter(out);
    Instant newest =
        images.stream()
            .map(s -> s.image().created().orElse(EPOCH))
            .max(Instant::compareTo)
            .orElse(EPOCH);
    tar.directory("blobs", newest);
    tar.directory("blobs/sha256", newest);
    for (Map.Entry<Digest, Instant> blob : blobTimes.entrySet()) {
      writeBlob(tar, blob.getKey(), blob.getValue());
    }
    tar.file(OciLayout.INDEX, json(index()), EPOCH);
    tar.file(DockerManifestItem.FILE, jsonLine(manifestJson()), EPOCH);
    tar.file("oci-layout", OCI_LAYOUT, EPOCH);
    Map<String, Map<String, String>> repositories = repositories();
    if (!repositories.isEmpty()) {
      tar.file("repositories", jsonLine(repositories), EPOCH);
    }
    tar.finish();
  }

  /** Copies a stored blob, checking on the way that it still has its digest. */
  private void writeBlob(ArchiveTarWriter tar, Digest digest, Instant mtime) throws IOException {
    MessageDigest sha256 = Digest.newSha256();
    try (InputStream in = new DigestInputStream(blobs.open(digest), sha256)) {
      tar.file(BlobPaths.of(digest), blobs.size(digest), in, mtime);
    }
    Digest actual = Digest.fromMessageDigest(sha256.digest());
    if (!actual.equals(digest)) {
      throw new InvalidContentException(
          "blob " + digest + " is corrupt (its content has digest " + actual + ")");
    }
  }

  private ImageIndex index() {
    List<Descriptor> entries = new ArrayList<>();
    for (SavedImage saved : images) {
      Descriptor manifest = saved.image().manifestDescriptor().withAnnotations(Map.of());
      for (ImageReference tag : saved.tags()) {
        Map<String, String> names = new LinkedHashMap<>();
        names.put(Descriptor.CONTAINERD_IMAGE_NAME, tag.toString());
        names.put(Descriptor.REF_NAME, tag.tag().orElseThrow());
        entries.add(manifest.withAnnotations(names));
      }
      if (saved.tags().isEmpty()) {
        entries.add(manifest);
      }
    }
    return ImageIndex.of(entries);
  }

  private List<DockerManifestItem> manifestJson() {
    List<DockerManifestItem> items = new ArrayList<>();
    for (SavedImage saved : images) {
      List<String> repoTags =
          saved.tags().isEmpty()
              ? null
              : saved.tags().stream().map(ImageReference::familiarString).toList();
      List<String> layers =
          saved.image().manifest().value().layers().stream()
              .map(l -> BlobPaths.of(l.digest()))
              .toList();
      items.add(
          new DockerManifestItem(BlobPaths.of(saved.image().id()), repoTags, layers, null, null));
    }
    return items;
  }

  /** {@code {"name":{"tag":"<top layer hex>"}}}, as Docker 25+ writes it. */
  private Map<String, Map<String, String>> repositories() {
    Map<String, Map<String, String>> repositories = new TreeMap<>();
    for (SavedImage saved : images) {
      List<Descriptor> layers = saved.image().manifest().value().layers();
      if (layers.isEmpty()) {
        continue;
      }
      String top = layers.get(layers.size() - 1).digest().hex();
      for (ImageReference tag : saved.tags()) {
        repositories
            .computeIfAbsent(tag.familiarName(), n -> new TreeMap<>())
            .put(tag.tag().orElseThrow(), top);
      }
    }
    return repositories;
  }

  private static byte[] json(Object value) throws JsonProcessingException {
    return JSON.writeValueAsBytes(value);
  }

  /** JSON and a newline, as Go's json.Encoder writes it. */
  private static byte[] jsonLine(Object value) throws JsonProcessingException {
    return (JSON.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
  }
}
