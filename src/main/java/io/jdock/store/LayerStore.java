package io.jdock.store;

import io.jdock.layer.LayerInfo;
import io.jdock.oci.Digest;
import io.jdock.oci.InvalidContentException;
import io.jdock.oci.OciJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Extracted layers, {@code layers/sha256/<diff_id hex>/{rootfs/,toc,info.json}}, each extracted
 * once and shared by every image that has it. A layer is built in this process's temp dir and
 * renamed into place; if another process got there first, ours is discarded. A layer dir therefore
 * always is complete: its {@code info.json} is written before the rename.
 */
public final class LayerStore {
  private final StorePaths paths;
  private final TempSpace temp;
  private final BlobStore blobs;
  private final StoreLock gcLock;

  LayerStore(StorePaths paths, TempSpace temp, BlobStore blobs, StoreLock gcLock) {
    this.paths = paths;
    this.temp = temp;
    this.blobs = blobs;
    this.gcLock = gcLock;
  }

  /** True if the layer is extracted. */
  public boolean has(Digest diffId) {
    return Files.isRegularFile(paths.layerInfo(diffId));
  }

  /**
   * The compressed bytes of a layer whose blob is still being stored (a download extracted while it
   * runs).
   */
  public interface LayerSource {
    /** The bytes, from the start. */
    InputStream open() throws IOException;

    /** Returns once the blob is verified and stored; fails if it never will be. */
    void awaitStored() throws IOException;
  }

  /**
   * The extracted layer dir of {@code diffId}, extracting the blob {@code blobDigest} with {@code
   * unpacker} unless it already is.
   */
  public Path ensure(Digest diffId, Digest blobDigest, LayerUnpacker unpacker) throws IOException {
    return ensure(
        diffId,
        blobDigest,
        unpacker,
        new LayerSource() {
          @Override
          public InputStream open() throws IOException {
            return blobs.open(blobDigest);
          }

          @Override
          public void awaitStored() {}
        });
  }

  /**
   * The extracted layer dir of {@code diffId}, extracting the bytes of the blob {@code blobDigest}
   * from SOURCE unless it already is; the layer is moved into place only once the blob is stored,
   * so a download that fails verification leaves no layer behind.
   */
  public Path ensure(Digest diffId, Digest blobDigest, LayerUnpacker unpacker, LayerSource source)
      throws IOException {
    Path target = paths.layerDir(diffId);
    if (has(diffId)) {
      return target;
    }
    try (StoreLock.Held gc = gcLock.shared()) {
      Path work = temp.newDir("layer");
      try {
        LayerInfo info = unpack(diffId, blobDigest, source, unpacker, work);
        temp.writeAtomically(work.resolve(StorePaths.LAYER_INFO), OciJson.write(info));
        source.awaitStored();
        Files.createDirectories(target.getParent());
        moveIntoPlace(work, target, diffId);
      } finally {
        FileTrees.deleteRecursively(work);
      }
    }
    return target;
  }

  private LayerInfo unpack(
      Digest diffId, Digest blobDigest, LayerSource source, LayerUnpacker unpacker, Path work)
      throws IOException {
    Path rootfs = Files.createDirectory(work.resolve(StorePaths.LAYER_ROOTFS));
    LayerInfo info;
    try (InputStream in = source.open()) {
      info = unpacker.unpack(in, rootfs, work.resolve(StorePaths.LAYER_TOC), Optional.of(diffId));
    }
    if (!info.diffId().equals(diffId)) {
      throw new InvalidContentException(
          "layer "
              + blobDigest
              + ": diff_id mismatch: expected "
              + diffId
              + ", got "
              + info.diffId());
    }
    return info;
  }

  private void moveIntoPlace(Path work, Path target, Digest diffId) throws IOException {
    try {
      Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      // rename(2) refuses to replace a non-empty dir: another process extracted it first.
      if (!has(diffId)) {
        throw e;
      }
      return;
    }
    FileTrees.fsyncDir(target.getParent());
  }

  /** What extracting the layer found, if it is extracted. */
  public Optional<LayerInfo> info(Digest diffId) throws IOException {
    try {
      return Optional.of(
          OciJson.read(Files.readAllBytes(paths.layerInfo(diffId)), LayerInfo.class, "layer info"));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** The extracted files of a layer. */
  public Path rootfs(Digest diffId) {
    return paths.layerRootfs(diffId);
  }

  /** The layer's table of contents. */
  public Path toc(Digest diffId) {
    return paths.layerToc(diffId);
  }

  /** Every layer dir (complete or not). */
  List<Digest> list() throws IOException {
    List<Digest> all = new ArrayList<>();
    if (!Files.isDirectory(paths.layersDir())) {
      return all;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(paths.layersDir())) {
      for (Path entry : entries) {
        String name = entry.getFileName().toString();
        if (Digest.isValid("sha256:" + name)) {
          all.add(Digest.sha256Hex(name));
        }
      }
    }
    return all;
  }

  /**
   * Takes an extracted layer out of the store (gc only, under the exclusive gc lock) and returns
   * where it went, for deleting after the store lock is released.
   */
  Optional<Path> moveAside(Digest diffId) throws IOException {
    return temp.moveAside(paths.layerDir(diffId));
  }
}
