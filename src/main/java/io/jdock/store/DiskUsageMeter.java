package io.jdock.store;

import io.jdock.layer.LayerInfo;
import io.jdock.oci.Digest;
import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Measures {@link DiskUsage}: layers counted once however many images share them. */
final class DiskUsageMeter {
  private DiskUsageMeter() {}

  static DiskUsage measure(ImageStore store) throws IOException {
    List<Image> images = store.images();
    List<ContainerRecord> containers = store.containers().list();
    Set<Digest> activeImages = new HashSet<>();
    containers.forEach(c -> activeImages.add(c.imageId()));
    store.mounts().list().forEach(m -> activeImages.add(m.imageId()));

    Map<Digest, Long> imageLayers = new HashMap<>();
    Set<Digest> activeLayers = new HashSet<>();
    int active = 0;
    for (Image image : images) {
      Map<Digest, Long> sizes =
          ImageCatalog.layerSizes(
              image.diffIds(), image.manifest().value().layers(), store.layers());
      imageLayers.putAll(sizes);
      if (activeImages.contains(image.id())) {
        active++;
        activeLayers.addAll(sizes.keySet());
      }
    }
    DiskUsage.Usage imageUsage =
        new DiskUsage.Usage(
            images.size(),
            active,
            sum(imageLayers, imageLayers.keySet()),
            sum(imageLayers, minus(imageLayers.keySet(), activeLayers)));
    return new DiskUsage(imageUsage, containers(containers), layers(store, imageLayers.keySet()));
  }

  private static DiskUsage.Usage containers(List<ContainerRecord> containers) throws IOException {
    int running = 0;
    long size = 0;
    long reclaimable = 0;
    for (ContainerRecord container : containers) {
      long upper = FileTrees.sizeOf(container.upperDir());
      size += upper;
      if (container.isRunning()) {
        running++;
      } else {
        reclaimable += upper;
      }
    }
    return new DiskUsage.Usage(containers.size(), running, size, reclaimable);
  }

  private static DiskUsage.Usage layers(ImageStore store, Set<Digest> usedByImages)
      throws IOException {
    List<Digest> extracted = store.layers().list();
    int active = 0;
    long size = 0;
    long reclaimable = 0;
    for (Digest diffId : extracted) {
      long layerSize = store.layers().info(diffId).map(LayerInfo::contentSize).orElse(0L);
      size += layerSize;
      if (usedByImages.contains(diffId)) {
        active++;
      } else {
        reclaimable += layerSize;
      }
    }
    return new DiskUsage.Usage(extracted.size(), active, size, reclaimable);
  }

  private static long sum(Map<Digest, Long> sizes, Set<Digest> keys) {
    return keys.stream().mapToLong(sizes::get).sum();
  }

  private static Set<Digest> minus(Set<Digest> all, Set<Digest> removed) {
    Set<Digest> result = new HashSet<>(all);
    result.removeAll(removed);
    return result;
  }
}
