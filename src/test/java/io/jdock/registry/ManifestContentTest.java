package io.jdock.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jdock.oci.Digest;
import io.jdock.oci.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ManifestContentTest {
  private static final String OCI_MANIFEST =
      "{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\",\"config\":{},\"layers\":[]}";

  private static FetchedManifest accept(String contentType, String body) throws RegistryException {
    return ManifestContent.accept(
        Optional.ofNullable(contentType),
        body.getBytes(StandardCharsets.UTF_8),
        Optional.empty(),
        Optional.empty(),
        "r:t");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      nullValues = "null",
      value = {
        "application/vnd.oci.image.manifest.v1+json|"
            + OCI_MANIFEST
            + "|application/vnd.oci.image.manifest.v1+json",
        "application/vnd.oci.image.manifest.v1+json; charset=utf-8|"
            + OCI_MANIFEST
            + "|application/vnd.oci.image.manifest.v1+json",
        "application/json|" + OCI_MANIFEST + "|application/vnd.oci.image.manifest.v1+json",
        "null|{\"schemaVersion\":2,\"manifests\":[]}|application/vnd.oci.image.index.v1+json",
        "application/vnd.docker.distribution.manifest.list.v2+json|{\"schemaVersion\":2,\"manifests\":[]}|application/vnd.docker.distribution.manifest.list.v2+json",
      })
  void typeComesFromContentTypeAndTheMediaTypeField(String contentType, String body, String type)
      throws Exception {
    assertThat(accept(contentType, body).mediaType()).isEqualTo(MediaType.of(type));
  }

  @Test
  void disagreeingTypesAreRefused() {
    assertThatThrownBy(
            () -> accept("application/vnd.docker.distribution.manifest.v2+json", OCI_MANIFEST))
        .isInstanceOf(RegistryException.class)
        .hasMessageStartingWith("manifest media type mismatch");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "application/vnd.docker.distribution.manifest.v1+prettyjws|{\"schemaVersion\":1,\"name\":\"x\"}",
        "application/json|{\"schemaVersion\":1,\"fsLayers\":[]}",
      })
  void schema1IsRefusedWithDockersNotice(String contentType, String body) {
    assertThatThrownBy(() -> accept(contentType, body))
        .isInstanceOf(RegistryException.class)
        .hasMessage(
            "Docker Image Format v1 and Docker Image manifest version 2, schema 1 support has been removed."
                + " Suggest the author of r:t to upgrade the image to the OCI Format or Docker Image manifest"
                + " v2, schema 2. More information at https://docs.docker.com/go/deprecated-image-specs/")
        .satisfies(
            e ->
                assertThat(((RegistryException) e).kind())
                    .isEqualTo(RegistryException.Kind.UNSUPPORTED));
  }

  @Test
  void requestedDigestMustMatchTheBytes() {
    Digest other = Digest.sha256(new byte[] {1});
    assertThatThrownBy(
            () ->
                ManifestContent.accept(
                    Optional.empty(),
                    OCI_MANIFEST.getBytes(StandardCharsets.UTF_8),
                    Optional.of(other),
                    Optional.empty(),
                    "r"))
        .hasMessage("manifest verification failed for digest " + other);
  }

  @Test
  void unknownContentIsUnsupported() {
    assertThatThrownBy(
            () ->
                accept(
                    "application/vnd.example+json",
                    "{\"mediaType\":\"application/vnd.example+json\"}"))
        .hasMessage(
            "unsupported manifest media type and no default available: application/vnd.example+json");
    assertThatThrownBy(() -> accept(null, "[1,2]")).hasMessageContaining("not a JSON object");
  }
}
