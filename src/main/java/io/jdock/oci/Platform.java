package io.jdock.oci;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;

/**
 * The platform of an image or index entry
 * (https://github.com/opencontainers/image-spec/blob/main/image-index.md#image-index-property-descriptions),
 * with containerd's normalisation of architecture and variant names.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Platform(
    @JsonProperty("architecture") String architecture,
    @JsonProperty("os") String os,
    @JsonProperty("os.version") String osVersion,
    @JsonProperty("os.features") List<String> osFeatures,
    @JsonProperty("variant") String variant) {

  public Platform {
    architecture = architecture == null ? "" : architecture;
    os = os == null ? "" : os;
    variant = variant == null ? "" : variant;
  }

  /** A platform from its parts (variant may be empty). */
  public static Platform of(String os, String architecture, String variant) {
    return new Platform(architecture, os, null, null, variant);
  }

  /**
   * Parses {@code os/arch[/variant]} (as {@code --platform} takes it) and normalises it; a bare
   * architecture means linux.
   */
  public static Platform parse(String spec) {
    String[] parts = spec.trim().toLowerCase(Locale.ROOT).split("/", -1);
    for (String part : parts) {
      if (part.isEmpty() || parts.length > 3) {
        throw new IllegalArgumentException(
            "invalid platform: \"" + spec + "\": expected os/arch[/variant]");
      }
    }
    if (parts.length == 1) {
      return of("linux", parts[0], "").normalized();
    }
    return of(parts[0], parts[1], parts.length == 3 ? parts[2] : "").normalized();
  }

  /** The platform of this machine (linux and the JVM's architecture), normalised. */
  public static Platform host() {
    return of("linux", System.getProperty("os.arch"), "").normalized();
  }

  /** containerd's normalisation: x86_64 -> amd64, aarch64 -> arm64, arm64/v8 -> arm64, ... */
  public Platform normalized() {
    String arch = architecture.toLowerCase(Locale.ROOT);
    String var = variant.toLowerCase(Locale.ROOT);
    switch (arch) {
      case "i386" -> arch = "386";
      case "x86_64", "x86-64", "amd64" -> {
        arch = "amd64";
        if (var.equals("v1")) {
          var = "";
        }
      }
      case "aarch64", "arm64" -> {
        arch = "arm64";
        if (var.equals("8") || var.equals("v8")) {
          var = "";
        }
      }
      case "armhf" -> {
        arch = "arm";
        var = "v7";
      }
      case "armel" -> {
        arch = "arm";
        var = "v6";
      }
      case "arm" -> {
        if (var.isEmpty() || var.equals("7")) {
          var = "v7";
        } else if (var.equals("5") || var.equals("6") || var.equals("8")) {
          var = "v" + var;
        }
      }
      default -> {}
    }
    return new Platform(arch, os.toLowerCase(Locale.ROOT), osVersion, osFeatures, var);
  }

  /** True if both platforms are the same after normalisation (os, architecture, variant). */
  public boolean matches(Platform other) {
    Platform a = normalized();
    Platform b = other.normalized();
    return a.os.equals(b.os)
        && a.architecture.equals(b.architecture)
        && a.variant.equals(b.variant);
  }

  /** BuildKit attestation manifests are listed as {@code unknown/unknown}. */
  @JsonIgnore
  public boolean isUnknown() {
    return os.equals("unknown") && architecture.equals("unknown");
  }

  /** {@code os/arch[/variant]}, as docker prints platforms. */
  @Override
  public String toString() {
    return os + "/" + architecture + (variant.isEmpty() ? "" : "/" + variant);
  }
}
