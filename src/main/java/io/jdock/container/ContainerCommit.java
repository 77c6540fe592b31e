package io.jdock.container;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jdock.layer.LayerTarWriter;
import io.jdock.layer.Whiteouts;
import io.jdock.oci.ContainerConfig;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.MediaType;
import io.jdock.oci.OciJson;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import io.jdock.store.ContainerRecord;
import io.jdock.store.Image;
import io.jdock.store.ImageAnnotations;
import io.jdock.store.ImageStore;
import io.jdock.store.StoreLock;
import io.jdock.store.StoredBlob;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code jdock commit}: a container's upper dir becomes a new layer (as it is: its OCI whiteouts
 * are the layer's) on top of the container's image, with the container's config and the {@code -c}
 * changes; the new image's parent is the container's image, so {@code rmi} of the parent reports
 * its dependent child. An upper dir with nothing in it adds an empty-layer history entry only, as
 * docker does.
 */
public final class ContainerCommit {
  private final Containers containers;
  private final Clock clock;

  public ContainerCommit(Containers containers) {
    this.containers = containers;
    this.clock = containers.clock();
  }

  /** Commits and returns the new image's ID. */
  public Digest commit(CommitRequest req) throws IOException, ContainerException {
    ContainerRecord r = containers.find(req.container());
    List<ImageReference> refs = refs(req.repository());
    ImageStore store = containers.store();
    Image parent = ContainerImages.of(store, r);
    ContainerConfig config = ConfigChanges.apply(r.config(), req.changes());
    try (StoreLock.Held lease = store.leaseContent()) {
      boolean empty = isEmpty(r.upperDir());
      List<Descriptor> layers = new ArrayList<>(parent.manifest().value().layers());
      MediaType manifestType = parent.manifest().value().mediaType();
      boolean docker = MediaType.DOCKER_MANIFEST.equals(manifestType);
      Digest diffId = null;
      if (!empty) {
        LayerBlob blob = writeLayer(store, r.upperDir());
        diffId = blob.written().diffId();
        layers.add(
            Descriptor.of(
                docker ? MediaType.DOCKER_LAYER_GZIP : MediaType.OCI_LAYER_GZIP,
                blob.stored().digest(),
                blob.stored().size()));
      }
      byte[] configBytes = config(parent, config, r, req, diffId);
      StoredBlob configBlob = store.blobs().putBytes(configBytes);
      Descriptor configDescriptor =
          Descriptor.of(
              docker ? MediaType.DOCKER_CONFIG : MediaType.OCI_CONFIG,
              configBlob.digest(),
              configBlob.size());
      ImageManifest manifest =
          new ImageManifest(
              2,
              docker ? MediaType.DOCKER_MANIFEST : MediaType.OCI_MANIFEST,
              null,
              configDescriptor,
              layers,
              null,
              null);
      byte[] manifestBytes = OciJson.write(manifest);
      StoredBlob manifestBlob = store.blobs().putBytes(manifestBytes);
      store.addImage(
          Descriptor.of(manifest.mediaType(), manifestBlob.digest(), manifestBlob.size()),
          refs,
          Map.of(ImageAnnotations.PARENT, parent.id().toString()));
      return configBlob.digest();
    }
  }

  private static List<ImageReference> refs(java.util.Optional<String> repository)
      throws ContainerException {
    if (repository.isEmpty()) {
      return List.of();
    }
    try {
      ImageReference ref = ImageReference.parse(repository.get());
      if (ref.digest().isPresent()) {
        throw new ContainerException("refusing to create a tag with a digest reference", 1);
      }
      return List.of(ref.withDefaultTag());
    } catch (InvalidReferenceException e) {
      throw new ContainerException(e.getMessage(), 1);
    }
  }

  /** True if the upper dir holds nothing but jdock's hidden temp names. */
  private static boolean isEmpty(Path upper) throws IOException {
    if (!Files.isDirectory(upper)) {
      return true;
    }
    try (var s = Files.list(upper)) {
      return s.allMatch(p -> p.getFileName().toString().startsWith(Whiteouts.AUFS_META_PREFIX));
    }
  }

  private byte[] config(
      Image parent, ContainerConfig config, ContainerRecord r, CommitRequest req, Digest diffId) {
    ObjectNode root = (ObjectNode) readTree(parent.config().raw());
    String now = clock.instant().toString();
    root.put("created", now);
    req.author().ifPresentOrElse(a -> root.put("author", a), () -> root.remove("author"));
    req.message().ifPresentOrElse(m -> root.put("comment", m), () -> root.remove("comment"));
    root.set("config", OciJson.mapper().valueToTree(config));
    ObjectNode rootfs = root.with("rootfs");
    rootfs.put("type", "layers");
    ArrayNode diffIds = rootfs.withArray("diff_ids");
    if (diffId != null) {
      diffIds.add(diffId.toString());
    }
    ObjectNode h = root.withArray("history").addObject();
    h.put("created", now);
    h.put("created_by", String.join(" ", r.config().cmd() == null ? List.of() : r.config().cmd()));
    req.author().ifPresent(a -> h.put("author", a));
    req.message().ifPresent(m -> h.put("comment", m));
    if (diffId == null) {
      h.put("empty_layer", true);
    }
    return OciJson.write(root);
  }

  private static com.fasterxml.jackson.databind.JsonNode readTree(byte[] raw) {
    try {
      return OciJson.mapper().readTree(raw);
    } catch (IOException e) {
      throw new IllegalStateException("the parent's config was parsed before", e);
    }
  }

  private record LayerBlob(LayerTarWriter.Written written, StoredBlob stored) {}

  /** Streams the gzipped tar of UPPER into the blob store, checking both ends agree. */
  private static LayerBlob writeLayer(ImageStore store, Path upper) throws IOException {
    LayerPipe pipe = LayerPipe.start(upper);
    StoredBlob stored =
        store.blobs().put(pipe.input(), java.util.Optional.empty(), java.util.OptionalLong.empty());
    LayerTarWriter.Written written = pipe.await();
    if (!written.blobDigest().equals(stored.digest())) {
      throw new IOException(
          "committing: the layer written ("
              + written.blobDigest()
              + ") is not the one stored ("
              + stored.digest()
              + ")");
    }
    return new LayerBlob(written, stored);
  }
}
