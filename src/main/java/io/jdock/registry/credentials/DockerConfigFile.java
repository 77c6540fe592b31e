package io.jdock.registry.credentials;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * docker's {@code config.json} (cli/config/configfile/file.go): read with unknown keys kept,
 * written back as docker writes it (tab-indented, temp file + rename, directory 0700, the old
 * file's permissions kept, {@code auth} = base64(user:password) with username/password blanked).
 */
public final class DockerConfigFile {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Path path;
  private final ObjectNode root;

  private DockerConfigFile(Path path, ObjectNode root) {
    this.path = path;
    this.root = root;
  }

  /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. */
  public static Path defaultPath(Map<String, String> env) {
    String dir = env.get("DOCKER_CONFIG");
    if (dir != null && !dir.isEmpty()) {
      return Path.of(dir, "config.json");
    }
    return Path.of(System.getProperty("user.home"), ".docker", "config.json");
  }

  /** Reads the file; a missing file is an empty config. */
  public static DockerConfigFile load(Path path) throws IOException {
    byte[] raw;
    try {
      raw = Files.readAllBytes(path);
    } catch (NoSuchFileException e) {
      return new DockerConfigFile(path, MAPPER.createObjectNode());
    }
    if (new String(raw, StandardCharsets.UTF_8).isBlank()) {
      return new DockerConfigFile(path, MAPPER.createObjectNode());
    }
    try {
      JsonNode node = MAPPER.readTree(raw);
      if (!(node instanceof ObjectNode object)) {
        throw new IOException(path + ": not a JSON object");
      }
      return new DockerConfigFile(path, object);
    } catch (JsonProcessingException e) {
      throw new IOException("loading config file " + path + ": " + e.getOriginalMessage(), e);
    }
  }

  public Path path() {
    return path;
  }

  /** The default credential helper ({@code credsStore}), if set. */
  public Optional<String> credsStore() {
    return text(root, "credsStore");
  }

  /** The per-registry credential helpers ({@code credHelpers}), host -> helper name. */
  public Map<String, String> credHelpers() {
    Map<String, String> helpers = new LinkedHashMap<>();
    JsonNode node = root.path("credHelpers");
    node.fields().forEachRemaining(e -> helpers.put(e.getKey(), e.getValue().asText()));
    return helpers;
  }

  /**
   * The inline credentials for {@code key}: an exact match first, then any entry whose key converts
   * to the same hostname (so {@code https://host/} finds {@code host}).
   */
  public Optional<Credentials> auth(String key) throws IOException {
    JsonNode auths = root.path("auths");
    JsonNode entry = auths.get(key);
    if (entry == null) {
      String host = ServerAddress.toHostname(key);
      for (Iterator<Map.Entry<String, JsonNode>> it = auths.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        if (ServerAddress.toHostname(e.getKey()).equals(host)) {
          entry = e.getValue();
          break;
        }
      }
    }
    return entry == null ? Optional.empty() : decode(key, entry);
  }

  private Optional<Credentials> decode(String key, JsonNode entry) throws IOException {
    String user = entry.path("username").asText("");
    String password = entry.path("password").asText("");
    Optional<String> auth = text(entry, "auth");
    if (auth.isPresent()) {
      String decoded;
      try {
        decoded = new String(Base64.getDecoder().decode(auth.get()), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        throw new IOException("invalid auth configuration file " + path + ": " + key, e);
      }
      int colon = decoded.indexOf(':');
      if (colon < 0) {
        throw new IOException("invalid auth configuration file " + path + ": " + key);
      }
      user = decoded.substring(0, colon);
      password = decoded.substring(colon + 1).replaceAll("\u0000+$", "");
    }
    Credentials c = new Credentials(user, password, text(entry, "identitytoken"));
    return c.isEmpty() && c.username().isEmpty() ? Optional.empty() : Optional.of(c);
  }

  /** Sets the inline credentials of {@code key} as docker encodes them. */
  public void putAuth(String key, Credentials c) {
    ObjectNode entry = MAPPER.createObjectNode();
    if (!c.username().isEmpty() || !c.password().isEmpty()) {
      String pair = c.username() + ":" + c.password();
      entry.put("auth", Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
    }
    c.identityToken().ifPresent(t -> entry.put("identitytoken", t));
    auths().set(key, entry);
  }

  /** Records an empty entry for {@code key}, as docker does when a helper holds the secret. */
  public void putEmptyAuth(String key) {
    auths().set(key, MAPPER.createObjectNode());
  }

  /** Removes the inline entry of {@code key}; true if there was one. */
  public boolean removeAuth(String key) {
    return root.path("auths") instanceof ObjectNode auths && auths.remove(key) != null;
  }

  private ObjectNode auths() {
    return root.get("auths") instanceof ObjectNode auths ? auths : root.putObject("auths");
  }

  /** The file as docker writes it: tab-indented, {@code "key": value}, no trailing newline. */
  public byte[] serialize() {
    if (!root.has("auths")) {
      root.putObject("auths");
    }
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                    .withObjectEmptySeparator("")
                    .withArrayEmptySeparator(""))
            .withObjectIndenter(new DefaultIndenter("\t", "\n"))
            .withArrayIndenter(new DefaultIndenter("\t", "\n"));
    try {
      return MAPPER.writer(printer).writeValueAsBytes(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot serialise config.json", e);
    }
  }

  /**
   * Writes the file atomically: a temp file beside it, the old permissions (0600 for a new file),
   * then rename over it; a symlinked config.json is written through to its target.
   */
  public void save() throws IOException {
    Path target = Files.isSymbolicLink(path) ? path.toRealPath() : path;
    Path dir = target.toAbsolutePath().getParent();
    if (!Files.isDirectory(dir)) {
      Files.createDirectories(
          dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Set<PosixFilePermission> mode =
        Files.exists(target)
            ? Files.getPosixFilePermissions(target)
            : PosixFilePermissions.fromString("rw-------");
    Path temp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
    try {
      Files.write(temp, serialize());
      Files.setPosixFilePermissions(temp, mode);
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || !v.isTextual() || v.asText().isEmpty()
        ? Optional.empty()
        : Optional.of(v.asText());
  }
}
