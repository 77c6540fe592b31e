package io.jdock.layer;

import io.jdock.oci.Digest;
import io.jdock.oci.InvalidContentException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Extracts one layer blob (plain, gzip or zstd tar) into an empty rootfs directory and writes its
 * TOC, verifying the diff_id (https://github.com/opencontainers/image-spec/blob/main/layer.md and
 * config.md#layer-diffid). Whiteout markers stay in the rootfs as empty files; the union reads
 * them. Unsafe entries are refused before anything is written for them.
 *
 * <p>On any exception the rootfs is left half-written: the caller deletes it.
 */
public final class LayerExtractor {
  private final boolean privileged;

  /**
   * @param privileged true when running as root: owners, device nodes and every xattr namespace are
   *     created for real; false creates what an unprivileged user can (see {@link LayerToc} for the
   *     real attributes)
   */
  public LayerExtractor(boolean privileged) {
    this.privileged = privileged;
  }

  /**
   * Extracts {@code blob} into {@code rootfs} (absent or an empty directory) and writes the TOC to
   * {@code tocFile}. Reads {@code blob} to its end but does not close it.
   *
   * @throws DiffIdMismatchException if {@code expectedDiffId} is given and differs
   * @throws UnsafeLayerException for entries that would leave the layer or go through a symlink
   * @throws InvalidContentException for a corrupt tar or compressed stream, or invalid entries
   */
  public LayerInfo extract(
      InputStream blob, Path rootfs, Path tocFile, Optional<Digest> expectedDiffId)
      throws IOException {
    prepareRootfs(rootfs);
    RootfsWriter disk = new RootfsWriter(rootfs, privileged);
    disk.prepareRoot();
    LayerTree tree = new LayerTree();
    HashingInputStream tar;
    try (InputStream decompressed = Compression.decompress(new KeepOpen(blob))) {
      tar = new HashingInputStream(decompressed);
      LayerReader reader = new LayerReader(tar);
      for (var item = reader.next(); item.isPresent(); item = reader.next()) {
        apply(item.get(), reader.content(), tree, disk);
      }
      // The diff_id covers the whole uncompressed stream, padding after the tar's end included.
      tar.drain();
    }
    Digest diffId = tar.digest();
    if (expectedDiffId.isPresent() && !expectedDiffId.get().equals(diffId)) {
      throw new DiffIdMismatchException(expectedDiffId.get(), diffId);
    }
    for (LayerEntry e : tree.onDisk()) {
      if (e.type() == EntryType.DIRECTORY) {
        disk.finishDirectory(e);
      }
    }
    List<LayerEntry> entries = tree.entries();
    LayerInfo info = new LayerInfo(diffId, tar.count(), tree.contentSize(), entries.size());
    LayerToc.write(tocFile, info, entries);
    return info;
  }

  private static void prepareRootfs(Path rootfs) throws IOException {
    if (!Files.exists(rootfs, LinkOption.NOFOLLOW_LINKS)) {
      Files.createDirectories(rootfs);
      return;
    }
    if (!Files.isDirectory(rootfs, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException("extracting layer into " + rootfs + ": not a directory");
    }
    try (Stream<Path> children = Files.list(rootfs)) {
      if (children.findAny().isPresent()) {
        throw new IOException("extracting layer into " + rootfs + ": directory is not empty");
      }
    }
  }

  private static void apply(
      LayerReader.Item item, InputStream content, LayerTree tree, RootfsWriter disk)
      throws IOException {
    LayerEntry entry = item.entry();
    String name = item.tarName();
    if (entry.path().isEmpty() && entry.type() != EntryType.DIRECTORY) {
      throw new InvalidContentException(
          "invalid layer entry \"" + name + "\": the layer root must be a directory");
    }
    for (String dir : tree.missingParents(name, entry.path())) {
      disk.createImplicitDirectory(dir);
      tree.putImplicit(dir);
    }
    Optional<LayerEntry> existing = tree.get(entry.path());
    if (existing.isPresent()) {
      LayerEntry old = existing.get();
      if (old.type() == EntryType.DIRECTORY && entry.type() == EntryType.DIRECTORY) {
        disk.mergeDirectory(old, entry);
        tree.put(entry);
        return;
      }
      // Unlink, never write into the old file: earlier hard links to it keep their content.
      tree.remove(entry.path());
      if (old.type() != EntryType.HARDLINK || old.inRootfs()) {
        disk.remove(entry.path(), old.type() == EntryType.DIRECTORY);
      }
    }
    if (entry.type() == EntryType.HARDLINK) {
      LayerTree.LinkTarget target = tree.resolveLink(name, entry.path(), entry.linkTarget());
      if (target.inRootfs()) {
        disk.link(target.path(), entry.path());
        entry = LayerTree.hardLink(tree.get(target.path()).orElseThrow(), entry.path());
      } else {
        entry = LayerTree.moved(entry, entry.path(), target.path(), false);
      }
    } else {
      disk.create(entry, content, item.sparse());
    }
    tree.put(entry);
  }

  /** Shields the caller's stream from close: the caller opened it, the caller closes it. */
  private static final class KeepOpen extends FilterInputStream {
    KeepOpen(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] buf, int offset, int length) throws IOException {
      return in.read(buf, offset, length);
    }

    @Override
    public void close() {}
  }
}
