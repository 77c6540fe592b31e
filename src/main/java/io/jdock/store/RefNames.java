package io.jdock.store;

import io.jdock.oci.Descriptor;
import io.jdock.reference.ImageReference;
import io.jdock.reference.InvalidReferenceException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The image reference an index.json entry names. jdock writes {@code
 * org.opencontainers.image.ref.name} as the full normalised reference ({@code
 * docker.io/library/ubuntu:latest}); other tools write a bare tag ({@code latest}) or a short name
 * ({@code foo:1.0}), which are read with docker's normalisation ({@code docker.io/library/foo:1.0},
 * {@code :latest} added). containerd's {@code io.containerd.image.name}, when present, wins.
 */
final class RefNames {
  private RefNames() {}

  /** The reference an entry names; empty for a dangling entry or a name that does not parse. */
  static Optional<ImageReference> of(Descriptor entry) {
    Optional<String> name =
        entry
            .annotation(Descriptor.CONTAINERD_IMAGE_NAME)
            .or(() -> entry.annotation(Descriptor.REF_NAME))
            .filter(s -> !s.isEmpty());
    if (name.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(normalize(ImageReference.parse(name.get())));
    } catch (InvalidReferenceException e) {
      return Optional.empty();
    }
  }

  /**
   * The form jdock stores and compares: {@code :latest} added to a bare name, and the tag dropped
   * when a digest is present (docker's ParseDockerRef).
   */
  static ImageReference normalize(ImageReference ref) {
    return ref.dockerRef();
  }

  /** {@code annotations} with the reference set and any other tool's name removed. */
  static Map<String, String> named(Map<String, String> annotations, ImageReference ref) {
    Map<String, String> result = unnamed(annotations);
    result.put(Descriptor.REF_NAME, normalize(ref).toString());
    return result;
  }

  /** {@code annotations} without any image name (a dangling entry). */
  static Map<String, String> unnamed(Map<String, String> annotations) {
    Map<String, String> result = new HashMap<>(annotations);
    result.remove(Descriptor.REF_NAME);
    result.remove(Descriptor.CONTAINERD_IMAGE_NAME);
    return result;
  }
}
