package io.jdock.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * jdock's registry settings, read from {@code $JDOCK_CONFIG}, else {@code
 * ${XDG_CONFIG_HOME:-~/.config}/jdock/config.json}. Keys follow docker's daemon.json: {@code
 * registry-mirrors} (Docker Hub only), {@code insecure-registries} (host[:port] or CIDR), {@code
 * max-concurrent-downloads} / {@code max-concurrent-uploads}, plus per-registry {@code mirrors}
 * ({@code {"host": ["https://..."]}}, as containers' registries.conf allows). CA certificates for a
 * registry are read from {@code /etc/docker/certs.d/<host>/*.crt} and {@code <config
 * dir>/certs.d/<host>/*.crt}.
 */
public record RegistryConfig(
    List<URI> registryMirrors,
    List<String> insecureRegistries,
    Map<String, List<URI>> mirrors,
    List<Path> certsDirs,
    int maxConcurrentDownloads,
    int maxConcurrentUploads) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public RegistryConfig {
    registryMirrors = List.copyOf(registryMirrors);
    insecureRegistries = List.copyOf(insecureRegistries);
    mirrors = Map.copyOf(mirrors);
    certsDirs = List.copyOf(certsDirs);
    if (maxConcurrentDownloads < 1 || maxConcurrentUploads < 1) {
      throw new IllegalArgumentException("max-concurrent-downloads/uploads must be at least 1");
    }
  }

  /** No mirrors, nothing insecure but loopback, 3 downloads and 5 uploads, docker's cert dir. */
  public static RegistryConfig defaults() {
    return new RegistryConfig(
        List.of(), List.of(), Map.of(), List.of(Path.of("/etc/docker/certs.d")), 3, 5);
  }

  /** {@code $JDOCK_CONFIG}, else {@code ${XDG_CONFIG_HOME:-~/.config}/jdock/config.json}. */
  public static Path defaultPath(Map<String, String> env) {
    String explicit = env.get("JDOCK_CONFIG");
    if (explicit != null && !explicit.isEmpty()) {
      return Path.of(explicit);
    }
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isEmpty()
            ? Path.of(xdg)
            : Path.of(System.getProperty("user.home"), ".config");
    return base.resolve("jdock").resolve("config.json");
  }

  /** Reads {@code file}; a missing file gives the defaults. */
  public static RegistryConfig load(Path file) throws RegistryConfigException {
    List<Path> certs = new ArrayList<>(defaults().certsDirs());
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      certs.add(parent.resolve("certs.d"));
    }
    JsonNode root;
    try {
      root = MAPPER.readTree(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return new RegistryConfig(List.of(), List.of(), Map.of(), certs, 3, 5);
    } catch (IOException e) {
      throw new RegistryConfigException(
          "unable to read config file " + file + ": " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      return new RegistryConfig(List.of(), List.of(), Map.of(), certs, 3, 5);
    }
    List<URI> hub = mirrorList(root.path("registry-mirrors"));
    Map<String, List<URI>> perRegistry = new LinkedHashMap<>();
    for (var it = root.path("mirrors").fields(); it.hasNext(); ) {
      var e = it.next();
      perRegistry.put(e.getKey(), mirrorList(e.getValue()));
    }
    List<String> insecure = new ArrayList<>();
    root.path("insecure-registries").forEach(n -> insecure.add(n.asText()));
    return new RegistryConfig(
        hub,
        insecure,
        perRegistry,
        certs,
        root.path("max-concurrent-downloads").asInt(3),
        root.path("max-concurrent-uploads").asInt(5));
  }

  private static List<URI> mirrorList(JsonNode array) throws RegistryConfigException {
    List<URI> list = new ArrayList<>();
    for (JsonNode n : array) {
      list.add(validateMirror(n.asText()));
    }
    return list;
  }

  /** docker's ValidateMirror: http(s) only, no user info, query or fragment; trailing / added. */
  public static URI validateMirror(String value) throws RegistryConfigException {
    if (!value.contains("://")) {
      throw new RegistryConfigException(
          "invalid mirror: no scheme specified for \""
              + value
              + "\": must use either 'https://' or 'http://'");
    }
    URI uri;
    try {
      uri = new URI(value);
    } catch (java.net.URISyntaxException e) {
      throw new RegistryConfigException("invalid mirror: \"" + value + "\" is not a valid URI", e);
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme();
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new RegistryConfigException(
          "invalid mirror: unsupported scheme \"" + scheme + "\" in \"" + value + "\"");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || value.endsWith("?")) {
      throw new RegistryConfigException(
          "invalid mirror: query or fragment at end of the URI \"" + value + "\"");
    }
    if (uri.getRawUserInfo() != null) {
      String user = uri.getRawUserInfo().split(":", 2)[0];
      String shown = value.replace(uri.getRawUserInfo() + "@", user + ":xxxxx@");
      throw new RegistryConfigException(
          "invalid mirror: username/password not allowed in URI \"" + shown + "\"");
    }
    String s = value;
    while (s.endsWith("/")) {
      s = s.substring(0, s.length() - 1);
    }
    return URI.create(s + "/");
  }

  /** The same settings with other insecure registries (the CLI's and tests' overrides). */
  public RegistryConfig withInsecureRegistries(List<String> insecure) {
    return new RegistryConfig(
        registryMirrors,
        insecure,
        mirrors,
        certsDirs,
        maxConcurrentDownloads,
        maxConcurrentUploads);
  }

  /** The same settings with another download concurrency. */
  public RegistryConfig withMaxConcurrentDownloads(int n) {
    return new RegistryConfig(
        registryMirrors, insecureRegistries, mirrors, certsDirs, n, maxConcurrentUploads);
  }
}
