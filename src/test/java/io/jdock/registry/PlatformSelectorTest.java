package io.jdock.registry;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.ImageIndex;
import io.jdock.oci.MediaType;
import io.jdock.oci.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformSelectorTest {
  private static Descriptor entry(int n, String os, String arch, String variant) {
    return Descriptor.of(MediaType.OCI_MANIFEST, Digest.sha256(new byte[] {(byte) n}), 10)
        .withPlatform(Platform.of(os, arch, variant));
  }

  private static final List<Descriptor> ENTRIES = new ArrayList<>();

  static {
    ENTRIES.add(
        entry(0, "unknown", "unknown", "")
            .withAnnotations(Map.of("vnd.docker.reference.type", "attestation-manifest")));
    ENTRIES.add(entry(1, "linux", "amd64", ""));
    ENTRIES.add(entry(2, "linux", "arm64", "v8"));
    ENTRIES.add(entry(3, "linux", "arm", "v6"));
    ENTRIES.add(entry(4, "linux", "arm", "v7"));
    ENTRIES.add(entry(5, "windows", "amd64", ""));
    ENTRIES.add(
        entry(6, "linux", "s390x", "")
            .withAnnotations(Map.of("vnd.docker.reference.type", "attestation-manifest")));
  }

  @ParameterizedTest
  @CsvSource({
    "linux/amd64, 1",
    "linux/x86_64, 1",
    "linux/arm64, 2",
    "linux/aarch64, 2",
    "linux/arm64/v8, 2",
    "linux/arm/v7, 4",
    "linux/armhf, 4",
    "linux/arm/v8, 4",
    "linux/arm/v6, 3",
    "linux/armel, 3",
    "windows/amd64, 5",
    "linux/arm/v5, -1",
    "linux/s390x, -1",
    "linux/386, -1",
    "unknown/unknown, -1",
  })
  void selectsLikeContainerd(String wanted, int expected) {
    var chosen = PlatformSelector.select(ImageIndex.of(ENTRIES), Platform.parse(wanted));
    if (expected < 0) {
      assertThat(chosen).isEmpty();
    } else {
      assertThat(chosen).contains(ENTRIES.get(expected));
    }
  }

  @ParameterizedTest
  @CsvSource({
    "linux/arm64, true, linux/arm64/v8",
    "linux/arm64, false, linux/arm64",
    "linux/amd64, true, linux/amd64",
    "linux/arm/v7, false, linux/arm/v7",
  })
  void describesTheWantedPlatformAsDockerPrintsIt(String wanted, boolean hostDefault, String text) {
    assertThat(PlatformSelector.describe(Platform.parse(wanted), hostDefault)).isEqualTo(text);
  }
}
