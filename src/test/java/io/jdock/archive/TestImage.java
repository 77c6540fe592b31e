package io.jdock.archive;

import io.jdock.layer.Compression;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.MediaType;
import io.jdock.oci.OciJson;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A small image for tests: each layer a tar with one file {@code <seed>-<n>.txt}, its blob
 * compressed as asked; the config lists the layers' real diff_ids unless told otherwise.
 */
record TestImage(String seed, byte[] config, List<byte[]> layerBlobs, List<Digest> diffIds) {

  static final String CREATED = "2024-01-02T03:04:05Z";

  /** An image of {@code compressions.length} layers (one layer of plain tar if none given). */
  static TestImage of(String seed, Compression... compressions) {
    Compression[] kinds =
        compressions.length == 0 ? new Compression[] {Compression.NONE} : compressions;
    List<byte[]> blobs = new ArrayList<>();
    List<Digest> diffIds = new ArrayList<>();
    for (int i = 0; i < kinds.length; i++) {
      byte[] tar =
          new ArchiveTar().file(seed + "-" + i + ".txt", seed + " layer " + i + "\n").build();
      diffIds.add(Digest.sha256(tar));
      blobs.add(Compress.with(kinds[i], tar));
    }
    return new TestImage(seed, config(seed, diffIds), blobs, diffIds);
  }

  /** The same layers with a config that lists {@code diffIds} instead. */
  TestImage withDiffIds(List<Digest> otherDiffIds) {
    return new TestImage(seed, config(seed, otherDiffIds), layerBlobs, otherDiffIds);
  }

  private static byte[] config(String seed, List<Digest> diffIds) {
    String json =
        "{\"architecture\":\"amd64\",\"os\":\"linux\",\"created\":\""
            + CREATED
            + "\",\"config\":{\"Cmd\":[\"/bin/"
            + seed
            + "\"]},\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
            + String.join(",", diffIds.stream().map(d -> "\"" + d + "\"").toList())
            + "]}}";
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** The image ID: the config's digest. */
  Digest id() {
    return Digest.sha256(config);
  }

  List<Digest> layerDigests() {
    return layerBlobs.stream().map(Digest::sha256).toList();
  }

  /** An OCI manifest of the config and the layer blobs (media types by compression). */
  byte[] manifest() {
    List<Descriptor> layers = new ArrayList<>();
    for (byte[] blob : layerBlobs) {
      MediaType type =
          (blob[0] & 0xff) == 0x1f
              ? MediaType.OCI_LAYER_GZIP
              : (blob[0] & 0xff) == 0x28 ? MediaType.OCI_LAYER_ZSTD : MediaType.OCI_LAYER;
      layers.add(Descriptor.of(type, Digest.sha256(blob), blob.length));
    }
    return OciJson.write(
        ImageManifest.oci(Descriptor.of(MediaType.OCI_CONFIG, id(), config.length), layers));
  }
}
