package io.jdock.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.MediaType;
import io.jdock.reference.ImageReference;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RefNamesTest {
  private static final String HEX = "a".repeat(64);

  private static Descriptor entry(String refName, String containerdName) {
    Map<String, String> annotations = new HashMap<>();
    if (refName != null) {
      annotations.put(Descriptor.REF_NAME, refName);
    }
    if (containerdName != null) {
      annotations.put(Descriptor.CONTAINERD_IMAGE_NAME, containerdName);
    }
    return Descriptor.of(MediaType.OCI_MANIFEST, Digest.sha256Hex(HEX), 1)
        .withAnnotations(annotations);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "NULL",
      value = {
        // ref.name, io.containerd.image.name, expected (empty: no reference)
        "docker.io/library/ubuntu:latest, NULL, docker.io/library/ubuntu:latest",
        "latest, NULL, docker.io/library/latest:latest",
        "v1, NULL, docker.io/library/v1:latest",
        "foo:1.0, NULL, docker.io/library/foo:1.0",
        "ubuntu, NULL, docker.io/library/ubuntu:latest",
        "localhost:5000/a/b:2, NULL, localhost:5000/a/b:2",
        "index.docker.io/x/y:3, NULL, docker.io/x/y:3",
        "latest, docker.io/library/busybox:1.36, docker.io/library/busybox:1.36",
        "NULL, quay.io/x:1, quay.io/x:1",
        "Upper, NULL, ''",
        "'', NULL, ''",
        "NULL, NULL, ''",
        "a:b:c, NULL, ''",
      })
  void readsTheNameEveryToolWrites(String refName, String containerdName, String expected) {
    Optional<ImageReference> ref = RefNames.of(entry(refName, containerdName));
    assertThat(ref.map(ImageReference::toString).orElse("")).isEqualTo(expected);
  }

  @Test
  void digestReferencesKeepTheDigestOnly() {
    Optional<ImageReference> ref =
        RefNames.of(entry("docker.io/library/ubuntu:22.04@sha256:" + HEX, null));
    assertThat(ref.map(ImageReference::toString))
        .contains("docker.io/library/ubuntu@sha256:" + HEX);
  }

  @Test
  void namingReplacesOtherToolsNamesAndKeepsTheRest() throws Exception {
    Map<String, String> annotations =
        Map.of(
            Descriptor.CONTAINERD_IMAGE_NAME, "docker.io/library/old:1",
            Descriptor.REF_NAME, "1",
            ImageAnnotations.PARENT, "sha256:" + HEX);
    assertThat(RefNames.named(annotations, ImageReference.parse("new")))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                Descriptor.REF_NAME,
                "docker.io/library/new:latest",
                ImageAnnotations.PARENT,
                "sha256:" + HEX));
    assertThat(RefNames.unnamed(annotations))
        .containsExactlyInAnyOrderEntriesOf(Map.of(ImageAnnotations.PARENT, "sha256:" + HEX));
  }
}
