package io.jdock.registry.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One {@code docker-credential-<name>} helper, spoken to as docker does
 * (https://github.com/docker/docker-credential-helpers): {@code get} reads the server URL on stdin
 * and answers {@code {"ServerURL","Username","Secret"}}; {@code store} reads that JSON; {@code
 * erase} reads the server URL. Username {@code <token>} marks an identity token.
 */
public final class CredentialHelper {
  /** Starts {@code docker-credential-<name> <action>}; injectable so tests need no PATH change. */
  @FunctionalInterface
  public interface Launcher {
    Process start(String helperName, String action) throws IOException;
  }

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String TOKEN_USERNAME = "<token>";
  private static final String NOT_FOUND = "credentials not found in native keychain";
  private static final long TIMEOUT_SECONDS = 60;

  private final String name;
  private final Launcher launcher;

  public CredentialHelper(String name, Launcher launcher) {
    this.name = name;
    this.launcher = launcher;
  }

  /** A launcher that finds {@code docker-credential-<name>} in {@code dirs}, as exec does. */
  public static Launcher onPath(List<Path> dirs) {
    return (helper, action) -> {
      String program = "docker-credential-" + helper;
      for (Path dir : dirs) {
        Path candidate = dir.resolve(program);
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
          return new ProcessBuilder(candidate.toString(), action).start();
        }
      }
      throw new IOException(
          "exec: \"" + program + "\": executable file not found in $PATH, out: ``");
    };
  }

  /** The launcher over the directories of {@code $PATH}. */
  public static Launcher onSystemPath(Map<String, String> env) {
    List<Path> dirs = new ArrayList<>();
    for (String d : env.getOrDefault("PATH", "").split(File.pathSeparator)) {
      if (!d.isEmpty()) {
        dirs.add(Path.of(d));
      }
    }
    return onPath(dirs);
  }

  public String name() {
    return name;
  }

  /** The credentials the helper holds for {@code serverUrl}; empty when it has none. */
  public Optional<Credentials> get(String serverUrl) throws IOException {
    Result r = run("get", serverUrl);
    if (r.exit != 0) {
      if (r.output.contains(NOT_FOUND) || r.output.contains("credentials not found")) {
        return Optional.empty();
      }
      throw new IOException(
          "error getting credentials - err: exit status " + r.exit + ", out: `" + r.output + "`");
    }
    JsonNode node = MAPPER.readTree(r.output);
    String user = node.path("Username").asText("");
    String secret = node.path("Secret").asText("");
    if (user.isEmpty() && secret.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        user.equals(TOKEN_USERNAME)
            ? Credentials.token("", secret)
            : Credentials.basic(user, secret));
  }

  /** Stores {@code c} for {@code serverUrl} (an identity token under username {@code <token>}). */
  public void store(String serverUrl, Credentials c) throws IOException {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("ServerURL", serverUrl);
    node.put("Username", c.identityToken().isPresent() ? TOKEN_USERNAME : c.username());
    node.put("Secret", c.identityToken().orElse(c.password()));
    Result r = run("store", MAPPER.writeValueAsString(node));
    if (r.exit != 0) {
      throw new IOException(
          "error storing credentials - err: exit status " + r.exit + ", out: `" + r.output + "`");
    }
  }

  /** Erases what the helper holds for {@code serverUrl}. */
  public void erase(String serverUrl) throws IOException {
    Result r = run("erase", serverUrl);
    if (r.exit != 0) {
      throw new IOException(
          "error erasing credentials - err: exit status " + r.exit + ", out: `" + r.output + "`");
    }
  }

  private record Result(int exit, String output) {}

  private Result run(String action, String input) throws IOException {
    Process p;
    try {
      p = launcher.start(name, action);
    } catch (IOException e) {
      throw new IOException("error " + verb(action) + " credentials - err: " + e.getMessage(), e);
    }
    try (OutputStream in = p.getOutputStream()) {
      in.write(input.getBytes(StandardCharsets.UTF_8));
    }
    byte[] out;
    try (InputStream stdout = p.getInputStream()) {
      out = stdout.readAllBytes();
    }
    try {
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("docker-credential-" + name + " " + action + ": timed out");
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("docker-credential-" + name + " " + action + ": interrupted", e);
    }
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8).trim());
  }

  private static String verb(String action) {
    return switch (action) {
      case "get" -> "getting";
      case "store" -> "storing";
      default -> "erasing";
    };
  }
}
