package io.jdock.archive;

import io.jdock.oci.Descriptor;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import java.util.List;
import java.util.Optional;

/**
 * The image name of an OCI layout's index.json entry: containerd's {@code io.containerd.image.name}
 * (which Docker 25+ writes), else {@code org.opencontainers.image.ref.name} when it is a reference
 * with a repository ({@code foo:1.0}, {@code registry/foo}). A bare tag such as {@code latest}
 * (what skopeo and umoci write) names no repository, so such an image is loaded untagged.
 */
final class LayoutNames {
  private LayoutNames() {}

  static List<ImageReference> of(Descriptor entry) {
    Optional<String> name =
        entry
            .annotation(Descriptor.CONTAINERD_IMAGE_NAME)
            .filter(s -> !s.isEmpty())
            .or(() -> entry.annotation(Descriptor.REF_NAME).filter(LayoutNames::hasRepository));
    if (name.isEmpty()) {
      return List.of();
    }
    try {
      return List.of(ImageReference.parse(name.get()).withDefaultTag());
    } catch (InvalidReferenceException e) {
      return List.of();
    }
  }

  private static boolean hasRepository(String refName) {
    return refName.contains("/") || refName.contains(":") || refName.contains("@");
  }
}
