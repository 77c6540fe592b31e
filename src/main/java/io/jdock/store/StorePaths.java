package io.jdock.store;

import io.jdock.oci.Digest;
import io.jdock.sys.Posix;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Every path of a jdock store, and nothing else knows them. The root is an OCI image layout
 * (https://github.com/opencontainers/image-spec/blob/main/image-layout.md): {@code oci-layout},
 * {@code index.json}, {@code blobs/sha256/<hex>}. jdock's own state sits beside it: {@code
 * layers/sha256/<diff_id hex>/{rootfs/,toc,info.json}}, {@code containers/<id>/}, {@code
 * mounts/<name>/}, {@code tmp/} (same filesystem, for atomic renames) and {@code locks/}.
 */
public final class StorePaths {
  private static final String DEFAULT_SYSTEM_ROOT = "/var/lib/jdock";
  static final String LAYER_ROOTFS = "rootfs";
  static final String LAYER_TOC = "toc";
  static final String LAYER_INFO = "info.json";

  static final String RECORD_FILE = "record.json";
  static final String UPPER_DIR = "upper";
  static final String WORK_DIR = "work";

  private final Path root;

  private StorePaths(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  /** The paths of a store rooted at {@code root}. */
  public static StorePaths of(Path root) {
    return new StorePaths(root);
  }

  /** The store of this process: {@code --root}, else the environment, else the user's default. */
  public static StorePaths forCurrentUser(Optional<Path> rootFlag) {
    return of(resolveRoot(rootFlag, System.getenv(), Posix.geteuid() == 0));
  }

  /**
   * The root directory: the {@code --root} flag, else {@code $JDOCK_ROOT}, else {@code
   * /var/lib/jdock} for root, else {@code ${XDG_DATA_HOME:-$HOME/.local/share}/jdock}.
   */
  public static Path resolveRoot(Optional<Path> rootFlag, Map<String, String> env, boolean isRoot) {
    if (rootFlag.isPresent()) {
      return rootFlag.get().toAbsolutePath().normalize();
    }
    String fromEnv = env.getOrDefault("JDOCK_ROOT", "");
    if (!fromEnv.isEmpty()) {
      return Path.of(fromEnv).toAbsolutePath().normalize();
    }
    if (isRoot) {
      return Path.of(DEFAULT_SYSTEM_ROOT);
    }
    String xdg = env.getOrDefault("XDG_DATA_HOME", "");
    if (!xdg.isEmpty() && Path.of(xdg).isAbsolute()) {
      return Path.of(xdg, "jdock");
    }
    String home = env.getOrDefault("HOME", System.getProperty("user.home"));
    return Path.of(home, ".local", "share", "jdock");
  }

  public Path root() {
    return root;
  }

  /** {@code oci-layout}: the layout's version marker. */
  public Path ociLayout() {
    return root.resolve("oci-layout");
  }

  /** {@code index.json}: one descriptor per image reference (and per dangling image). */
  public Path index() {
    return root.resolve("index.json");
  }

  /** {@code blobs/sha256}: content-addressed blobs. */
  public Path blobsDir() {
    return root.resolve("blobs").resolve("sha256");
  }

  public Path blob(Digest digest) {
    return blobsDir().resolve(digest.hex());
  }

  /** {@code layers/sha256}: extracted layers keyed by diff_id, shared by every image. */
  public Path layersDir() {
    return root.resolve("layers").resolve("sha256");
  }

  public Path layerDir(Digest diffId) {
    return layersDir().resolve(diffId.hex());
  }

  /** The extracted files of a layer (whiteout markers kept as files). */
  public Path layerRootfs(Digest diffId) {
    return layerDir(diffId).resolve(LAYER_ROOTFS);
  }

  /** The layer's table of contents, written by the layer extractor. */
  public Path layerToc(Digest diffId) {
    return layerDir(diffId).resolve(LAYER_TOC);
  }

  /** What extraction found (diff_id, sizes, entry count), as JSON. */
  public Path layerInfo(Digest diffId) {
    return layerDir(diffId).resolve(LAYER_INFO);
  }

  public Path containersDir() {
    return root.resolve("containers");
  }

  public Path containerDir(String id) {
    return containersDir().resolve(id);
  }

  public Path containerRecord(String id) {
    return containerDir(id).resolve(RECORD_FILE);
  }

  /** The container's writable upper dir. */
  public Path containerUpper(String id) {
    return containerDir(id).resolve(UPPER_DIR);
  }

  /** The container's work dir: the union's own files, beside the upper dir. */
  public Path containerWork(String id) {
    return containerDir(id).resolve(WORK_DIR);
  }

  /** Where a container's root filesystem is mounted while it starts. */
  public Path containerRootfs(String id) {
    return containerDir(id).resolve("rootfs");
  }

  /**
   * The container's init layer: the mount points its image lacks ({@code /proc}, {@code
   * /etc/hosts}...), a lower layer above the image's, as docker's {@code -init} layer.
   */
  public Path containerInit(String id) {
    return containerDir(id).resolve("init");
  }

  /** Files made for each start: {@code /etc/hostname}, {@code hosts}, {@code resolv.conf}... */
  public Path containerRunDir(String id) {
    return containerDir(id).resolve("run");
  }

  /** The container's output, one JSON object per line as docker's json-file log driver. */
  public Path containerLog(String id) {
    return containerDir(id).resolve("container.log");
  }

  /** The log of the background process that serves a detached container. */
  public Path containerMonitorLog(String id) {
    return containerDir(id).resolve("monitor.log");
  }

  /** Held (flock) by the one process that runs the container, for as long as it runs it. */
  public Path containerLock(String id) {
    return containerDir(id).resolve("owner.lock");
  }

  public Path mountsDir() {
    return root.resolve("mounts");
  }

  public Path mountDir(String name) {
    return mountsDir().resolve(name);
  }

  public Path mountRecord(String name) {
    return mountDir(name).resolve(RECORD_FILE);
  }

  /** The mount's writable upper dir. */
  public Path mountUpper(String name) {
    return mountDir(name).resolve(UPPER_DIR);
  }

  /** The mount's work dir: the union's own files, beside the upper dir. */
  public Path mountWork(String name) {
    return mountDir(name).resolve(WORK_DIR);
  }

  /** Per-process temp dirs, on the store's filesystem so that renames into place are atomic. */
  public Path tmpDir() {
    return root.resolve("tmp");
  }

  public Path locksDir() {
    return root.resolve("locks");
  }

  /** Guards index.json and the container and mount records. */
  public Path storeLock() {
    return locksDir().resolve("store.lock");
  }

  /** Held shared while content for an unregistered image is written; exclusive by gc. */
  public Path gcLock() {
    return locksDir().resolve("gc.lock");
  }

  @Override
  public String toString() {
    return root.toString();
  }
}
