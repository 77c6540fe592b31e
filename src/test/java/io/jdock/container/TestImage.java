package io.jdock.container;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jdock.layer.LayerTarWriter;
import io.jdock.oci.ContainerConfig;
import io.jdock.oci.Descriptor;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.MediaType;
import io.jdock.oci.OciJson;
import io.jdock.reference.ImageReference;
import io.jdock.store.Image;
import io.jdock.store.ImageStore;
import io.jdock.store.StoredBlob;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Images for container tests, made from directory trees (one layer each) and a config. */
final class TestImage {
  private TestImage() {}

  /** Stores and tags an image of the given layer dirs (base first). */
  static Image add(ImageStore store, String ref, ContainerConfig config, Path... layers)
      throws Exception {
    ObjectNode root = OciJson.mapper().createObjectNode();
    root.put("architecture", "amd64");
    root.put("os", "linux");
    root.put("created", "2024-01-02T03:04:05Z");
    root.set("config", OciJson.mapper().valueToTree(config));
    ObjectNode rootfs = root.putObject("rootfs");
    rootfs.put("type", "layers");
    var diffIds = rootfs.putArray("diff_ids");
    List<Descriptor> descriptors = new ArrayList<>();
    for (Path layer : layers) {
      ByteArrayOutputStream tar = new ByteArrayOutputStream();
      LayerTarWriter.Written w = LayerTarWriter.writeTree(layer, tar, false);
      StoredBlob blob = store.blobs().putBytes(tar.toByteArray());
      diffIds.add(w.diffId().toString());
      descriptors.add(Descriptor.of(MediaType.OCI_LAYER, blob.digest(), blob.size()));
      root.withArray("history").addObject().put("created_by", "layer " + layer.getFileName());
    }
    StoredBlob configBlob = store.blobs().putBytes(OciJson.write(root));
    ImageManifest manifest =
        ImageManifest.oci(
            Descriptor.of(MediaType.OCI_CONFIG, configBlob.digest(), configBlob.size()),
            descriptors);
    StoredBlob m = store.blobs().putBytes(OciJson.write(manifest));
    store.addImage(
        Descriptor.of(MediaType.OCI_MANIFEST, m.digest(), m.size()),
        List.of(ImageReference.parse(ref)),
        Map.of());
    return store.find(ref).orElseThrow();
  }

  /**
   * A root with the host's /bin/sh (and the libraries ldd names), /etc/passwd, /etc/group: enough
   * to run shell scripts of builtins in a container.
   */
  static Path shellRoot(Path dir) throws Exception {
    Path sh = Path.of("/bin/sh").toRealPath();
    copy(sh, dir.resolve("bin/sh"));
    Process ldd = new ProcessBuilder("ldd", sh.toString()).redirectErrorStream(true).start();
    String out = new String(ldd.getInputStream().readAllBytes());
    ldd.waitFor(30, TimeUnit.SECONDS);
    for (String line : out.split("\n")) {
      String l = line.strip();
      String path = l.contains("=> ") ? l.substring(l.indexOf("=> ") + 3) : l;
      path = path.contains(" (") ? path.substring(0, path.indexOf(" (")) : path;
      if (path.startsWith("/")) {
        copy(Path.of(path).toRealPath(), dir.resolve(path.substring(1)));
      }
    }
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(
        dir.resolve("etc/passwd"),
        "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/bin/sh\n");
    Files.writeString(dir.resolve("etc/group"), "root:x:0:\nnogroup:x:65534:\n");
    Files.createDirectories(dir.resolve("root"));
    Files.createDirectories(dir.resolve("tmp"));
    return dir;
  }

  private static void copy(Path from, Path to) throws IOException {
    Files.createDirectories(to.getParent());
    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
  }
}
