package io.jdock.registry;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageIndex;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.MediaType;
import io.jdock.oci.OciJson;
import io.jdock.oci.Platform;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A random single-platform image (config + layers of random bytes) for registry tests. */
public record TestImage(
    String architecture, byte[] config, List<byte[]> layers, byte[] manifest, Digest digest) {

  public static TestImage random(long seed, int layerCount, int layerSize, String architecture) {
    Random random = new Random(seed);
    List<byte[]> layers = new ArrayList<>();
    List<Descriptor> layerDescs = new ArrayList<>();
    List<String> diffIds = new ArrayList<>();
    for (int i = 0; i < layerCount; i++) {
      byte[] data = new byte[layerSize + i];
      random.nextBytes(data);
      layers.add(data);
      layerDescs.add(Descriptor.of(MediaType.OCI_LAYER_GZIP, Digest.sha256(data), data.length));
      diffIds.add(
          "\"" + Digest.sha256(("diff" + seed + i).getBytes(StandardCharsets.UTF_8)) + "\"");
    }
    byte[] config =
        ("{\"architecture\":\""
                + architecture
                + "\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
                + String.join(",", diffIds)
                + "]},\"seed\":"
                + seed
                + "}")
            .getBytes(StandardCharsets.UTF_8);
    Descriptor configDesc =
        Descriptor.of(MediaType.OCI_CONFIG, Digest.sha256(config), config.length);
    byte[] manifest = OciJson.write(ImageManifest.oci(configDesc, layerDescs));
    return new TestImage(architecture, config, layers, manifest, Digest.sha256(manifest));
  }

  public Descriptor configDescriptor() {
    return Descriptor.of(MediaType.OCI_CONFIG, Digest.sha256(config), config.length);
  }

  public Descriptor layer(int i) {
    return Descriptor.of(
        MediaType.OCI_LAYER_GZIP, Digest.sha256(layers.get(i)), layers.get(i).length);
  }

  public Descriptor descriptor(Platform platform) {
    return Descriptor.of(MediaType.OCI_MANIFEST, digest, manifest.length).withPlatform(platform);
  }

  /** Puts blobs and the manifest (under {@code tag}, may be null) into the registry. */
  public Digest pushTo(FakeRegistry reg, String repo, String tag) {
    reg.putBlob(repo, config);
    layers.forEach(l -> reg.putBlob(repo, l));
    return reg.putManifest(repo, tag, MediaType.OCI_MANIFEST.value(), manifest);
  }

  /** An OCI index of the given entries, as raw bytes. */
  public static byte[] index(List<Descriptor> entries) {
    return OciJson.write(ImageIndex.of(entries));
  }

  /** A BuildKit attestation entry pointing at {@code target}. */
  public static Descriptor attestation(Digest some, Digest target) {
    return Descriptor.of(MediaType.OCI_MANIFEST, some, 100)
        .withPlatform(Platform.of("unknown", "unknown", ""))
        .withAnnotations(
            Map.of(
                "vnd.docker.reference.type",
                "attestation-manifest",
                "vnd.docker.reference.digest",
                target.toString()));
  }
}
