package io.jdock.store;

import io.jdock.oci.ChainId;
import io.jdock.oci.Digest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * docker's shared size of listed images (moby daemon/images/image_list.go, {@code system df -v}):
 * the size of the layer stacks (chain IDs) that more than one image of the store has.
 */
final class SharedSizes {
  private SharedSizes() {}

  static List<ImageSummary> add(List<ImageSummary> summaries, List<Image> all, LayerStore layers)
      throws IOException {
    Map<Digest, Integer> users = new HashMap<>();
    for (Image image : all) {
      ChainId.of(image.diffIds()).forEach(chain -> users.merge(chain, 1, Integer::sum));
    }
    List<ImageSummary> result = new ArrayList<>();
    for (ImageSummary summary : summaries) {
      Image image = summary.image();
      List<Digest> chains = ChainId.of(image.diffIds());
      Map<Digest, Long> sizes =
          ImageCatalog.layerSizes(image.diffIds(), image.manifest().value().layers(), layers);
      long shared = 0;
      for (int i = 0; i < chains.size(); i++) {
        if (users.getOrDefault(chains.get(i), 0) > 1) {
          shared += sizes.get(image.diffIds().get(i));
        }
      }
      result.add(summary.withSharedSize(shared));
    }
    return result;
  }
}
