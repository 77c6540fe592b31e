package io.jdock.store;

import io.jdock.layer.LayerInfo;
import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.reference.ImageReference;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the {@link Image} views of the store from index.json, the blobs and the layers. */
final class ImageCatalog {
  private ImageCatalog() {}

  /** One image per image ID, in index.json order. */
  static List<Image> build(IndexEditor index, ManifestCache manifests, LayerStore layers)
      throws IOException {
    List<Image> images = new ArrayList<>();
    for (Digest id : index.imageIds()) {
      Descriptor first = index.entriesOf(id).get(0);
      ManifestCache.Content content = manifests.get(first).orElseThrow();
      List<ImageReference> refs = index.refsOf(id);
      Map<String, String> annotations = index.jdockAnnotationsOf(id);
      images.add(
          new Image(
              id,
              first,
              content.manifest(),
              content.config(),
              refs.stream().filter(r -> r.digest().isEmpty()).toList(),
              refs.stream().filter(r -> r.digest().isPresent()).toList(),
              digestAnnotation(annotations.get(ImageAnnotations.PARENT)),
              content.config().value().createdInstant(),
              size(content, layers),
              instantAnnotation(annotations.get(ImageAnnotations.LAST_TAG_TIME))));
    }
    return images;
  }

  /** The layers' extracted content size where extracted, else their blob size. */
  static long size(ManifestCache.Content content, LayerStore layers) throws IOException {
    long total = 0;
    for (long size : layerSizes(content.diffIds(), content.layers(), layers).values()) {
      total += size;
    }
    return total;
  }

  /** Each layer's size by diff_id, base first: extracted content size, else blob size. */
  static Map<Digest, Long> layerSizes(
      List<Digest> diffIds, List<Descriptor> blobs, LayerStore layers) throws IOException {
    Map<Digest, Long> sizes = new LinkedHashMap<>();
    for (int i = 0; i < diffIds.size(); i++) {
      Optional<LayerInfo> info = layers.info(diffIds.get(i));
      long blobSize = i < blobs.size() ? blobs.get(i).size() : 0;
      sizes.put(diffIds.get(i), info.map(LayerInfo::contentSize).orElse(blobSize));
    }
    return sizes;
  }

  private static Optional<Digest> digestAnnotation(String value) {
    return Optional.ofNullable(value).filter(Digest::isValid).map(Digest::parse);
  }

  private static Optional<Instant> instantAnnotation(String value) {
    try {
      return Optional.ofNullable(value).map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
