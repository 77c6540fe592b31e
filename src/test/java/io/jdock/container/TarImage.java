package io.jdock.container;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.MediaType;
import io.jdock.oci.OciJson;
import io.jdock.oci.Platform;
import io.jdock.registry.FakeRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A small real image for pull and push tests: gzip layer tars of one file each (written by Commons
 * Compress), a config listing their diff_ids, and an OCI manifest.
 */
public record TarImage(
    String architecture,
    byte[] config,
    List<byte[]> layers,
    List<Digest> diffIds,
    byte[] manifest,
    Digest digest) {

  /** One layer per {@code files} entry, each holding a file {@code layer<i>.txt} with that text. */
  public static TarImage of(String architecture, String... files) {
    List<byte[]> layers = new ArrayList<>();
    List<Digest> diffIds = new ArrayList<>();
    List<Descriptor> layerDescs = new ArrayList<>();
    List<String> quoted = new ArrayList<>();
    for (int i = 0; i < files.length; i++) {
      byte[] tar = tar("layer" + i + ".txt", files[i].getBytes(StandardCharsets.UTF_8));
      byte[] gz = gzip(tar);
      layers.add(gz);
      diffIds.add(Digest.sha256(tar));
      quoted.add("\"" + Digest.sha256(tar) + "\"");
      layerDescs.add(Descriptor.of(MediaType.OCI_LAYER_GZIP, Digest.sha256(gz), gz.length));
    }
    byte[] config =
        ("{\"architecture\":\""
                + architecture
                + "\",\"os\":\"linux\",\"config\":{\"Cmd\":[\"/bin/sh\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":["
                + String.join(",", quoted)
                + "]}}")
            .getBytes(StandardCharsets.UTF_8);
    Descriptor configDesc =
        Descriptor.of(MediaType.OCI_CONFIG, Digest.sha256(config), config.length);
    byte[] manifest = OciJson.write(ImageManifest.oci(configDesc, layerDescs));
    return new TarImage(architecture, config, layers, diffIds, manifest, Digest.sha256(manifest));
  }

  /** The same layers with a config whose first diff_id is wrong (a lying image). */
  public TarImage withWrongFirstDiffId() {
    Digest wrong = Digest.sha256("not the layer".getBytes(StandardCharsets.UTF_8));
    byte[] badConfig =
        new String(config, StandardCharsets.UTF_8)
            .replace(diffIds.get(0).toString(), wrong.toString())
            .getBytes(StandardCharsets.UTF_8);
    List<Descriptor> layerDescs = new ArrayList<>();
    for (byte[] l : layers) {
      layerDescs.add(Descriptor.of(MediaType.OCI_LAYER_GZIP, Digest.sha256(l), l.length));
    }
    Descriptor configDesc =
        Descriptor.of(MediaType.OCI_CONFIG, Digest.sha256(badConfig), badConfig.length);
    byte[] badManifest = OciJson.write(ImageManifest.oci(configDesc, layerDescs));
    List<Digest> ids = new ArrayList<>(diffIds);
    ids.set(0, wrong);
    return new TarImage(
        architecture, badConfig, layers, ids, badManifest, Digest.sha256(badManifest));
  }

  /** The image ID: the config's digest. */
  public Digest id() {
    return Digest.sha256(config);
  }

  public Digest layerDigest(int i) {
    return Digest.sha256(layers.get(i));
  }

  public Descriptor descriptor(Platform platform) {
    return Descriptor.of(MediaType.OCI_MANIFEST, digest, manifest.length).withPlatform(platform);
  }

  /** Puts the blobs and the manifest (tagged {@code tag} unless null) into the registry. */
  public Digest pushTo(FakeRegistry reg, String repo, String tag) {
    reg.putBlob(repo, config);
    layers.forEach(l -> reg.putBlob(repo, l));
    return reg.putManifest(repo, tag, MediaType.OCI_MANIFEST.value(), manifest);
  }

  private static byte[] tar(String name, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
      TarArchiveEntry e = new TarArchiveEntry(name);
      e.setMode(0644);
      e.setSize(content.length);
      tar.putArchiveEntry(e);
      tar.write(content);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static byte[] gzip(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GzipCompressorOutputStream gz = new GzipCompressorOutputStream(out)) {
      gz.write(data);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
