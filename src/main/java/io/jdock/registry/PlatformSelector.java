package io.jdock.registry;

import io.jdock.oci.Descriptor;
import io.jdock.oci.ImageIndex;
import io.jdock.oci.Platform;
import java.util.List;
import java.util.Optional;

/**
 * Picks the entry of an index for a platform as containerd's matcher does (reference section 2):
 * os, architecture and variant compared after normalisation; an arm variant also accepts lower ones
 * (v7 runs v6 and v5), the closest first; BuildKit attestation entries ({@code unknown/unknown},
 * {@code vnd.docker.reference.type=attestation-manifest}) and entries without a platform are
 * skipped.
 */
public final class PlatformSelector {
  private static final String REFERENCE_TYPE = "vnd.docker.reference.type";

  private PlatformSelector() {}

  /** The best entry for {@code wanted}, if any. */
  public static Optional<Descriptor> select(ImageIndex index, Platform wanted) {
    Platform w = wanted.normalized();
    for (String variant : acceptedVariants(w)) {
      for (Descriptor d : index.manifests()) {
        if (isCandidate(d) && matches(d.platform().normalized(), w, variant)) {
          return Optional.of(d);
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isCandidate(Descriptor d) {
    return d.platform() != null
        && !d.platform().isUnknown()
        && !d.annotation(REFERENCE_TYPE).filter("attestation-manifest"::equals).isPresent();
  }

  private static boolean matches(Platform p, Platform w, String variant) {
    return p.os().equals(w.os())
        && p.architecture().equals(w.architecture())
        && p.variant().equals(variant);
  }

  private static List<String> acceptedVariants(Platform w) {
    if (w.architecture().equals("arm")) {
      return switch (w.variant()) {
        case "v8" -> List.of("v8", "v7", "v6", "v5");
        case "v7" -> List.of("v7", "v6", "v5");
        case "v6" -> List.of("v6", "v5");
        default -> List.of(w.variant());
      };
    }
    return List.of(w.variant());
  }

  /**
   * How docker names the wanted platform in {@code no matching manifest for ...}: the host's arm64
   * default is shown with its {@code v8} variant, as containerd's DefaultSpec has it.
   */
  public static String describe(Platform wanted, boolean isHostDefault) {
    Platform w = wanted.normalized();
    if (isHostDefault && w.architecture().equals("arm64") && w.variant().isEmpty()) {
      return w.os() + "/arm64/v8";
    }
    return w.toString();
  }
}
