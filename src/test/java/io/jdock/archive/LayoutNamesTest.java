package io.jdock.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.jdock.oci.Descriptor;
import io.jdock.oci.Digest;
import io.jdock.oci.MediaType;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayoutNamesTest {
  @ParameterizedTest(name = "containerd={0} ref={1} -> {2}")
  @CsvSource(
      nullValues = "-",
      value = {
        "docker.io/library/ubuntu:22.04, 22.04, docker.io/library/ubuntu:22.04",
        "registry.example/app, -, registry.example/app:latest",
        "-, foo:1.0, docker.io/library/foo:1.0",
        "-, localhost:5000/foo, localhost:5000/foo:latest",
        "-, latest, -",
        "-, v1.2.3, -",
        "-, -, -",
        "'', latest, -",
        "Not A Reference, -, -"
      })
  void namesAnEntryByItsAnnotations(String containerd, String refName, String expected) {
    Map<String, String> annotations = new HashMap<>();
    if (containerd != null) {
      annotations.put(Descriptor.CONTAINERD_IMAGE_NAME, containerd);
    }
    if (refName != null) {
      annotations.put(Descriptor.REF_NAME, refName);
    }
    Descriptor entry =
        Descriptor.of(MediaType.OCI_MANIFEST, Digest.sha256(new byte[0]), 2)
            .withAnnotations(annotations);
    assertThat(LayoutNames.of(entry).stream().map(Object::toString).toList())
        .isEqualTo(expected == null ? java.util.List.of() : java.util.List.of(expected));
  }
}
