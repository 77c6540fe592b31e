package io.jdock.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jdock.oci.ContainerConfig;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageManifest;
import io.jdock.oci.MediaType;
import io.jdock.oci.OciJson;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ContainerState;
import io.jdock.store.ImageAnnotations;
import io.jdock.store.ImageStore;
import io.jdock.store.StorePaths;
import io.jdock.store.StoredBlob;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * A store built in a test and jdock command lines run on it in-process: images with chosen configs,
 * references and parents, container records, and each command's exit code, stdout and stderr.
 */
final class CliFixture {
  /** What one command printed and returned. */
  record Run(int exit, String out, String err) {}

  private final Path root;

  CliFixture(Path root) {
    this.root = root;
  }

  /** A config with the given creation time (null for none) and labels, made into an image. */
  static ObjectNode config(String created, Map<String, String> labels) {
    ObjectNode config = OciJson.mapper().createObjectNode();
    config.put("architecture", "amd64").put("os", "linux");
    if (created != null) {
      config.put("created", created);
    }
    ObjectNode inner = config.putObject("config");
    if (!labels.isEmpty()) {
      ObjectNode l = inner.putObject("Labels");
      labels.forEach(l::put);
    }
    return config;
  }

  /** Stores and registers an image of these layer contents; returns its ID. */
  Digest image(ObjectNode config, List<String> refs, String... layers) throws IOException {
    return image(config, refs, Map.of(), layers);
  }

  /** As {@link #image(ObjectNode, List, String...)}, with a parent image. */
  Digest child(ObjectNode config, Digest parent, List<String> refs, String... layers)
      throws IOException {
    return image(config, refs, Map.of(ImageAnnotations.PARENT, parent.toString()), layers);
  }

  private Digest image(
      ObjectNode config, List<String> refs, Map<String, String> annotations, String... layers)
      throws IOException {
    try (ImageStore store = open()) {
      List<Descriptor> layerDescriptors = new ArrayList<>();
      ArrayNode diffIds = config.putObject("rootfs").put("type", "layers").putArray("diff_ids");
      for (String layer : layers) {
        StoredBlob blob = store.blobs().putBytes(layer.getBytes(StandardCharsets.UTF_8));
        diffIds.add(blob.digest().toString());
        layerDescriptors.add(Descriptor.of(MediaType.OCI_LAYER, blob.digest(), blob.size()));
      }
      StoredBlob configBlob = store.blobs().putBytes(OciJson.write(config));
      ImageManifest manifest =
          ImageManifest.oci(
              Descriptor.of(MediaType.OCI_CONFIG, configBlob.digest(), configBlob.size()),
              layerDescriptors);
      StoredBlob manifestBlob = store.blobs().putBytes(OciJson.write(manifest));
      List<ImageReference> parsed = new ArrayList<>();
      for (String ref : refs) {
        parsed.add(parse(ref));
      }
      store.addImage(
          Descriptor.of(MediaType.OCI_MANIFEST, manifestBlob.digest(), manifestBlob.size()),
          parsed,
          annotations);
      return configBlob.digest();
    }
  }

  /** Records a container of an image (its ID is {@code c} 64 times), created now. */
  void container(char c, String name, Digest image, ContainerState state) throws Exception {
    container(c, name, image, state, Instant.now(), "");
  }

  /**
   * Records a container created at {@code created}, with {@code upperContent} in a file of its
   * upper dir.
   */
  void container(
      char c, String name, Digest image, ContainerState state, Instant created, String upperContent)
      throws Exception {
    try (ImageStore store = open()) {
      Descriptor manifest =
          store.images().stream()
              .filter(i -> i.id().equals(image))
              .findFirst()
              .orElseThrow()
              .manifestDescriptor();
      String id = String.valueOf(c).repeat(64);
      store
          .containers()
          .create(
              new ContainerRecord(
                  id,
                  name,
                  image,
                  manifest.digest(),
                  "img",
                  created,
                  List.of("/bin/sh", "-c", "echo hello; sleep 1000000"),
                  ContainerConfig.EMPTY,
                  state,
                  store.containers().upperDir(id)));
      if (!upperContent.isEmpty()) {
        java.nio.file.Files.writeString(store.containers().upperDir(id).resolve("f"), upperContent);
      }
    }
  }

  /** A running container's state: this test's own process, which is alive. */
  static ContainerState running() {
    return running(Instant.now());
  }

  static ContainerState running(Instant started) {
    return new ContainerState.Running(ProcessHandle.current().pid(), started);
  }

  static ContainerState stopped() {
    return stopped(Instant.now());
  }

  static ContainerState stopped(Instant finished) {
    return new ContainerState.Exited(0, finished, finished);
  }

  ImageStore open() throws IOException {
    return ImageStore.open(StorePaths.of(root));
  }

  /** Runs {@code jdock --root ROOT ARGS...} with an empty stdin. */
  Run run(String... args) {
    return runWithInput("", args);
  }

  /** Runs a command line whose prompt (if any) reads {@code input}. */
  Run runWithInput(String input, String... args) {
    CommandLine cl = Main.newCommandLine();
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    InputStream in = new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8));
    cl.getSubcommands().get("image").getSubcommands().values().stream()
        .map(CommandLine::getCommand)
        .filter(ImagePruneCommand.class::isInstance)
        .forEach(p -> ((ImagePruneCommand) p).in = in);
    List<String> all = new ArrayList<>(List.of("--root", root.toString()));
    all.addAll(List.of(args));
    int exit = cl.execute(all.toArray(String[]::new));
    return new Run(exit, out.toString(), err.toString());
  }

  static ImageReference parse(String ref) {
    try {
      return ImageReference.parse(ref).dockerRef();
    } catch (InvalidReferenceException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
