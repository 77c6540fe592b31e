package io.jdock.store;

import io.jdock.layer.LayerInfo;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.InvalidContentException;
import io.jdock.oci.MediaType;
import io.jdock.oci.OciJson;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds small images in a store for tests: layers are plain bytes, their diff_id their sha256. */
final class TestImages {
  private TestImages() {}

  /** An image whose blobs are stored (not registered). */
  record Built(Descriptor manifest, Digest id, List<Digest> diffIds, List<Digest> layerBlobs) {}

  /** Stores the blobs of an image made of the given layer contents; {@code seed} varies the ID. */
  static Built store(ImageStore store, String seed, String... layers) throws IOException {
    List<Digest> diffIds = new ArrayList<>();
    List<Descriptor> layerDescriptors = new ArrayList<>();
    for (String layer : layers) {
      StoredBlob blob = store.blobs().putBytes(layer.getBytes(StandardCharsets.UTF_8));
      diffIds.add(blob.digest());
      layerDescriptors.add(Descriptor.of(MediaType.OCI_LAYER, blob.digest(), blob.size()));
    }
    String config =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\"2024-01-02T03:04:05Z\","
            + "\"config\":{\"Labels\":{\"seed\":\""
            + seed
            + "\"}},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
            + String.join(",", diffIds.stream().map(d -> "\"" + d + "\"").toList())
            + "]}}";
    StoredBlob configBlob = store.blobs().putBytes(config.getBytes(StandardCharsets.UTF_8));
    ImageManifest manifest =
        ImageManifest.oci(
            Descriptor.of(MediaType.OCI_CONFIG, configBlob.digest(), configBlob.size()),
            layerDescriptors);
    StoredBlob manifestBlob = store.blobs().putBytes(OciJson.write(manifest));
    return new Built(
        Descriptor.of(MediaType.OCI_MANIFEST, manifestBlob.digest(), manifestBlob.size()),
        configBlob.digest(),
        diffIds,
        diffIds);
  }

  /** Stores and registers an image under the given references. */
  static Built add(ImageStore store, String seed, List<String> refs, String... layers)
      throws IOException {
    return addWith(store, seed, refs, Map.of(), layers);
  }

  /** Stores and registers an image with jdock annotations (e.g. a parent). */
  static Built addWith(
      ImageStore store,
      String seed,
      List<String> refs,
      Map<String, String> annotations,
      String... layers)
      throws IOException {
    Built built = store(store, seed, layers);
    store.addImage(built.manifest(), refs(refs), annotations);
    return built;
  }

  static List<ImageReference> refs(List<String> refs) {
    List<ImageReference> parsed = new ArrayList<>();
    for (String r : refs) {
      parsed.add(ref(r));
    }
    return parsed;
  }

  static ImageReference ref(String s) {
    try {
      return ImageReference.parse(s).dockerRef();
    } catch (InvalidReferenceException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** A digest that looks like a registry manifest digest, for digest references. */
  static String digestRef(String repo, String seed) {
    return repo + "@" + Digest.sha256(seed.getBytes(StandardCharsets.UTF_8));
  }

  /** An unpacker that copies the blob into {@code rootfs/content} and counts its calls. */
  static final class FakeUnpacker implements LayerUnpacker {
    final AtomicInteger calls = new AtomicInteger();

    @Override
    public LayerInfo unpack(
        java.io.InputStream blob,
        java.nio.file.Path rootfs,
        java.nio.file.Path tocFile,
        java.util.Optional<Digest> expectedDiffId)
        throws IOException {
      calls.incrementAndGet();
      byte[] content = blob.readAllBytes();
      Digest diffId = Digest.sha256(content);
      if (expectedDiffId.isPresent() && !expectedDiffId.get().equals(diffId)) {
        throw new InvalidContentException("diff_id mismatch");
      }
      Files.write(rootfs.resolve("content"), content);
      Files.writeString(tocFile, "content\n");
      return new LayerInfo(diffId, content.length, content.length * 10L, 1);
    }
  }
}
