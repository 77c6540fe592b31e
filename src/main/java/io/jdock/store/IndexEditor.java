package io.jdock.store;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageIndex;
import io.jdock.reference.ImageReference;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The entries of index.json as images and references, and the edits jdock makes to them: one entry
 * per reference, pointing at the image's manifest; an image without references keeps one entry
 * without a name (dangling) so that it is not garbage; {@code io.jdock.*} annotations hold jdock's
 * per-image metadata on every entry of the image. Entries jdock cannot read (indexes, artifacts,
 * missing blobs, names that do not parse) are kept as they are.
 */
final class IndexEditor {
  private final ImageIndex original;
  private final List<Descriptor> entries;
  private final ManifestCache manifests;
  private boolean changed;

  IndexEditor(ImageIndex original, ManifestCache manifests) {
    this.original = original;
    this.entries = new ArrayList<>(original.manifests());
    this.manifests = manifests;
  }

  /** The image (config digest) an entry points at, if it is an image jdock can read. */
  Optional<Digest> imageIdOf(Descriptor entry) {
    return manifests.get(entry).map(ManifestCache.Content::imageId);
  }

  /** Every image ID, in index order. */
  Set<Digest> imageIds() {
    Set<Digest> ids = new LinkedHashSet<>();
    entries.forEach(e -> imageIdOf(e).ifPresent(ids::add));
    return ids;
  }

  /** The entries of an image, in index order. */
  List<Descriptor> entriesOf(Digest imageId) {
    return entries.stream().filter(e -> imageIdOf(e).equals(Optional.of(imageId))).toList();
  }

  /** The image a reference points at. */
  Optional<Digest> imageOf(ImageReference ref) {
    ImageReference wanted = RefNames.normalize(ref);
    for (Descriptor entry : entries) {
      if (RefNames.of(entry).equals(Optional.of(wanted))) {
        Optional<Digest> id = imageIdOf(entry);
        if (id.isPresent()) {
          return id;
        }
      }
    }
    return Optional.empty();
  }

  /** The references of an image, sorted as docker's reference store lists them. */
  List<ImageReference> refsOf(Digest imageId) {
    Set<ImageReference> refs = new LinkedHashSet<>();
    entriesOf(imageId).forEach(e -> RefNames.of(e).ifPresent(refs::add));
    return refs.stream().sorted(Comparator.comparing(ImageReference::toString)).toList();
  }

  /** The image's {@code io.jdock.*} annotations, merged from all its entries. */
  Map<String, String> jdockAnnotationsOf(Digest imageId) {
    Map<String, String> merged = new HashMap<>();
    for (Descriptor entry : entriesOf(imageId)) {
      entry
          .annotations()
          .forEach(
              (k, v) -> {
                if (k.startsWith(ImageAnnotations.PREFIX)) {
                  merged.putIfAbsent(k, v);
                }
              });
    }
    return merged;
  }

  /**
   * Points {@code ref} at the image's manifest, moving it from any other image (which keeps a
   * dangling entry if that was its last). Returns the image that lost the reference.
   */
  Optional<Digest> setRef(ImageReference ref, Descriptor manifest, Digest imageId) {
    ImageReference normalized = RefNames.normalize(ref);
    Optional<Digest> previous = imageOf(normalized);
    Optional<Descriptor> current = namedEntry(normalized);
    if (current.isPresent() && current.get().digest().equals(manifest.digest())) {
      return Optional.empty();
    }
    Map<String, String> annotations = jdockAnnotationsOf(imageId);
    removeRef(normalized);
    entries.removeIf(e -> isDangling(e) && imageIdOf(e).equals(Optional.of(imageId)));
    entries.add(entryFor(manifest, RefNames.named(annotations, normalized)));
    changed = true;
    return previous.filter(p -> !p.equals(imageId));
  }

  /**
   * Removes a reference; the image keeps a dangling entry if that was its last. Returns the image
   * the reference pointed at.
   */
  Optional<Digest> removeRef(ImageReference ref) {
    ImageReference normalized = RefNames.normalize(ref);
    Optional<Digest> image = imageOf(normalized);
    List<Descriptor> removed = new ArrayList<>();
    entries.removeIf(e -> RefNames.of(e).equals(Optional.of(normalized)) && removed.add(e));
    if (removed.isEmpty()) {
      return Optional.empty();
    }
    changed = true;
    if (image.isPresent() && entriesOf(image.get()).isEmpty()) {
      Descriptor last = removed.get(removed.size() - 1);
      entries.add(entryFor(last, RefNames.unnamed(last.annotations())));
    }
    return image;
  }

  /** Lists an image (dangling) unless it already has an entry. */
  void ensureListed(Descriptor manifest, Digest imageId) {
    if (entriesOf(imageId).isEmpty()) {
      entries.add(entryFor(manifest, Map.of()));
      changed = true;
    }
  }

  /** Sets {@code io.jdock.*} annotations on every entry of an image. */
  void putAnnotations(Digest imageId, Map<String, String> annotations) {
    for (int i = 0; i < entries.size(); i++) {
      Descriptor entry = entries.get(i);
      if (imageIdOf(entry).equals(Optional.of(imageId))) {
        Map<String, String> merged = new HashMap<>(entry.annotations());
        merged.putAll(annotations);
        if (!merged.equals(entry.annotations())) {
          entries.set(i, entry.withAnnotations(merged));
          changed = true;
        }
      }
    }
  }

  /** Removes every entry of an image. */
  void removeImage(Digest imageId) {
    changed |= entries.removeIf(e -> imageIdOf(e).equals(Optional.of(imageId)));
  }

  boolean changed() {
    return changed;
  }

  /** The edited index (the original's other fields kept). */
  ImageIndex result() {
    return new ImageIndex(
        original.schemaVersion(),
        original.mediaType(),
        original.artifactType(),
        entries,
        original.subject(),
        original.annotations());
  }

  private Optional<Descriptor> namedEntry(ImageReference normalized) {
    return entries.stream().filter(e -> RefNames.of(e).equals(Optional.of(normalized))).findFirst();
  }

  private static boolean isDangling(Descriptor entry) {
    return entry.annotation(Descriptor.REF_NAME).isEmpty()
        && entry.annotation(Descriptor.CONTAINERD_IMAGE_NAME).isEmpty();
  }

  private static Descriptor entryFor(Descriptor manifest, Map<String, String> annotations) {
    return Descriptor.of(manifest.mediaType(), manifest.digest(), manifest.size())
        .withPlatform(manifest.platform())
        .withAnnotations(annotations);
  }
}
