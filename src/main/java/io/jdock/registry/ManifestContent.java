package io.jdock.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jdock.oci.Digest;
import io.jdock.oci.MediaType;
import java.io.IOException;
import java.util.Optional;

/**
 * Decides what a fetched manifest is (distribution-spec "Pulling manifests", reference section 2):
 * its digest must match a requested digest and {@code Docker-Content-Digest}; the type comes from
 * Content-Type (parameters ignored) and the {@code mediaType} field, which must agree; schema 1 is
 * refused with docker's deprecation text.
 */
final class ManifestContent {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ManifestContent() {}

  static FetchedManifest accept(
      Optional<String> contentType,
      byte[] raw,
      Optional<Digest> requested,
      Optional<String> dockerContentDigest,
      String reference)
      throws RegistryException {
    Digest actual = Digest.sha256(raw);
    if (requested.isPresent() && !requested.get().equals(actual)) {
      throw invalid("manifest verification failed for digest " + requested.get());
    }
    if (dockerContentDigest.isPresent() && !dockerContentDigest.get().equals(actual.toString())) {
      throw invalid("manifest verification failed for digest " + dockerContentDigest.get());
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(raw);
    } catch (IOException e) {
      throw invalid("invalid manifest " + reference + ": " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw invalid("invalid manifest " + reference + ": not a JSON object");
    }
    Optional<MediaType> header = contentType.filter(s -> !s.isBlank()).map(MediaType::of);
    Optional<MediaType> field =
        Optional.ofNullable(root.get("mediaType"))
            .map(JsonNode::asText)
            .filter(s -> !s.isEmpty())
            .map(MediaType::of);
    if (header.filter(MediaType::isSchema1).isPresent()
        || field.filter(MediaType::isSchema1).isPresent()
        || root.path("schemaVersion").asInt(2) == 1) {
      throw RegistryException.content(
          RegistryException.Kind.UNSUPPORTED, schema1Message(reference));
    }
    boolean headerKnown = header.filter(t -> t.isIndex() || t.isManifest()).isPresent();
    if (headerKnown && field.isPresent() && !field.get().equals(header.get())) {
      throw invalid(
          "manifest media type mismatch: Content-Type "
              + header.get()
              + " but mediaType "
              + field.get());
    }
    MediaType type;
    if (headerKnown) {
      type = header.get();
    } else if (field.filter(t -> t.isIndex() || t.isManifest()).isPresent()) {
      type = field.get();
    } else if (field.isEmpty() && root.has("manifests")) {
      type = MediaType.OCI_INDEX;
    } else if (field.isEmpty() && root.has("config")) {
      type = MediaType.OCI_MANIFEST;
    } else {
      throw RegistryException.content(
          RegistryException.Kind.UNSUPPORTED,
          "unsupported manifest media type and no default available: "
              + field.or(() -> header).map(MediaType::toString).orElse(""));
    }
    return new FetchedManifest(type, actual, raw);
  }

  /** moby's DeprecatedSchema1ImageError. */
  static String schema1Message(String reference) {
    return "Docker Image Format v1 and Docker Image manifest version 2, schema 1 support has been"
        + " removed. Suggest the author of "
        + reference
        + " to upgrade the image to the OCI Format or Docker Image manifest v2, schema 2. More"
        + " information at https://docs.docker.com/go/deprecated-image-specs/";
  }

  private static RegistryException invalid(String message) {
    return RegistryException.content(RegistryException.Kind.INVALID_CONTENT, message);
  }
}
