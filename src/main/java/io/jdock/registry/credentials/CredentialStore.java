package io.jdock.registry.credentials;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where docker keeps credentials, looked up in docker's order: {@code credHelpers[host]}, then
 * {@code credsStore}, then the inline {@code auths} of config.json. Keys are {@link ServerAddress}
 * keys ({@code https://index.docker.io/v1/} or {@code host[:port]}).
 */
public final class CredentialStore {
  private final DockerConfigFile file;
  private final CredentialHelper.Launcher launcher;

  public CredentialStore(DockerConfigFile file, CredentialHelper.Launcher launcher) {
    this.file = file;
    this.launcher = launcher;
  }

  /** The user's store: docker's config.json and helpers on {@code $PATH}. */
  public static CredentialStore load(Map<String, String> env) throws IOException {
    return new CredentialStore(
        DockerConfigFile.load(DockerConfigFile.defaultPath(env)),
        CredentialHelper.onSystemPath(env));
  }

  /** The store of an explicit config.json (tests, {@code --config}). */
  public static CredentialStore load(Path configJson, CredentialHelper.Launcher launcher)
      throws IOException {
    return new CredentialStore(DockerConfigFile.load(configJson), launcher);
  }

  public DockerConfigFile file() {
    return file;
  }

  /** The credentials for a registry domain as references name it ({@code docker.io}, host:port). */
  public Optional<Credentials> forDomain(String domain) throws IOException {
    return get(ServerAddress.keyFor(domain));
  }

  /** The credentials stored under {@code key}. */
  public Optional<Credentials> get(String key) throws IOException {
    Optional<CredentialHelper> helper = helperFor(key);
    if (helper.isPresent()) {
      Optional<Credentials> c = helper.get().get(key);
      if (c.isPresent()) {
        return c;
      }
    }
    return file.auth(key);
  }

  /** The helper that holds {@code key}'s secrets, if any is configured. */
  public Optional<CredentialHelper> helperFor(String key) {
    String host = ServerAddress.toHostname(key);
    String name = file.credHelpers().get(key);
    if (name == null) {
      name = file.credHelpers().get(host);
    }
    if (name == null) {
      name = file.credsStore().orElse(null);
    }
    return name == null || name.isEmpty()
        ? Optional.empty()
        : Optional.of(new CredentialHelper(name, launcher));
  }

  /**
   * Stores {@code c} under {@code key}: in its helper (config.json then keeps an empty entry, as
   * docker does), else inline. Returns where: the helper, or empty for the file.
   */
  public Optional<CredentialHelper> store(String key, Credentials c) throws IOException {
    Optional<CredentialHelper> helper = helperFor(key);
    if (helper.isPresent()) {
      helper.get().store(key, c);
      if (file.credHelpers().isEmpty() || file.credsStore().isPresent()) {
        file.putEmptyAuth(key);
        file.save();
      }
    } else {
      file.putAuth(key, c);
      file.save();
    }
    return helper;
  }

  /** Erases {@code key} from its helper and from config.json; true if anything was removed. */
  public boolean erase(String key) throws IOException {
    boolean removed = false;
    IOException helperError = null;
    Optional<CredentialHelper> helper = helperFor(key);
    if (helper.isPresent()) {
      try {
        helper.get().erase(key);
        removed = true;
      } catch (IOException e) {
        helperError = e;
      }
    }
    if (file.removeAuth(key)) {
      file.save();
      removed = true;
    }
    if (!removed && helperError != null) {
      throw helperError;
    }
    return removed;
  }
}
