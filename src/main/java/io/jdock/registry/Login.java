package io.jdock.registry;

import io.jdock.reference.ImageReference;
import io.jdock.registry.credentials.CredentialHelper;
import io.jdock.registry.credentials.CredentialStore;
import io.jdock.registry.credentials.Credentials;
import io.jdock.registry.credentials.ServerAddress;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * {@code jdock login} and {@code jdock logout} with docker's rules and messages (docker/cli
 * cli/command/registry/login.go, logout.go; reference section 1.9): option checks, reuse of stored
 * credentials, prompts, verification against the registry before saving, storage in the credential
 * helper or config.json, and the warnings. The CLI only supplies a {@link LoginConsole}.
 */
public final class Login {
  static final String PASSWORD_WARNING =
      "WARNING! Using --password via the CLI is insecure. Use --password-stdin.\n";
  static final String NON_TTY = "Error: Cannot perform an interactive login from a non TTY device";
  static final String EXISTING_NOTE =
      "\n Info -> To login with a different account, run 'docker logout' followed by 'docker"
          + " login'\n\n\n";

  private final LoginCheck check;
  private final CredentialStore store;

  public Login(Registries registries, CredentialStore store) {
    this.check = new LoginCheck(registries);
    this.store = store;
  }

  public void login(LoginRequest request, LoginConsole console) throws LoginException {
    Optional<String> password = passwordFrom(request, console);
    Optional<String> username = request.username().filter(u -> !u.isEmpty());
    String server = request.server().filter(s -> !s.isEmpty()).orElse(ServerAddress.INDEX_SERVER);
    boolean hub = ServerAddress.isDockerHub(server);
    String key = hub ? ServerAddress.INDEX_SERVER : ServerAddress.toHostname(server);
    String domain = hub ? ImageReference.DEFAULT_DOMAIN : key;
    Optional<Credentials> stored = storedFor(key);
    if (username.isEmpty() && password.isEmpty() && stored.filter(c -> !c.isEmpty()).isPresent()) {
      Credentials c = stored.get();
      console.err(
          "Authenticating with existing credentials..."
              + (c.username().isEmpty() ? "" : " [Username: " + c.username() + "]")
              + "\n"
              + EXISTING_NOTE);
      try {
        Optional<String> token = check.verify(domain, c);
        save(key, token.map(t -> Credentials.token(c.username(), t)).orElse(c), console);
        console.out("Login Succeeded");
        return;
      } catch (RegistryException e) {
        console.err("Login did not succeed, error: " + e.getMessage() + "\n");
      }
    }
    Credentials creds = prompt(username, password, stored, hub, console);
    Optional<String> token;
    try {
      token = check.verify(domain, creds);
    } catch (RegistryException e) {
      throw new LoginException(e.getMessage(), true, e);
    }
    save(key, token.map(t -> Credentials.token(creds.username(), t)).orElse(creds), console);
    console.out("Login Succeeded");
  }

  /**
   * The password from -p or stdin, with docker 28's option checks (cli/command/registry/login.go
   * verifyLoginFlags) and warning. {@code -p -} is a password like any other, as in docker 28.
   */
  private static Optional<String> passwordFrom(LoginRequest r, LoginConsole console)
      throws LoginException {
    if (r.passwordStdin()) {
      if (r.password().isPresent()) {
        throw LoginException.client(
            "conflicting options: cannot specify both --password and --password-stdin");
      }
      if (r.username().isEmpty()) {
        throw LoginException.client("the --password-stdin option requires --username to be set");
      }
    }
    if (r.username().filter(String::isEmpty).isPresent()) {
      throw LoginException.client("username is empty");
    }
    if (r.password().filter(String::isEmpty).isPresent()) {
      throw LoginException.client("password is empty");
    }
    if (r.password().isPresent()) {
      console.err(PASSWORD_WARNING);
      return r.password();
    }
    if (!r.passwordStdin()) {
      return Optional.empty();
    }
    String in;
    try {
      in = console.readStdin();
    } catch (IOException e) {
      throw new LoginException(e.getMessage(), false, e);
    }
    return Optional.of(trimOneNewline(in)).filter(p -> !p.isEmpty());
  }

  static String trimOneNewline(String s) {
    if (s.endsWith("\r\n")) {
      return s.substring(0, s.length() - 2);
    }
    if (s.endsWith("\n") || s.endsWith("\r")) {
      return s.substring(0, s.length() - 1);
    }
    return s;
  }

  private Credentials prompt(
      Optional<String> username,
      Optional<String> password,
      Optional<Credentials> stored,
      boolean hub,
      LoginConsole console)
      throws LoginException {
    if (username.isPresent() && password.isPresent()) {
      return Credentials.basic(username.get(), password.get());
    }
    if (!console.isTerminal()) {
      throw LoginException.client(NON_TTY);
    }
    try {
      String user = username.orElse("");
      if (user.isEmpty()) {
        String def = stored.map(Credentials::username).orElse("");
        if (hub) {
          console.out(
              "Log in with your Docker ID or email address to push and pull images from Docker Hub. If you don't have a Docker ID, head over to https://hub.docker.com/ to create one.");
        }
        user = console.readLine(def.isEmpty() ? "Username: " : "Username (" + def + "): ").trim();
        if (user.isEmpty()) {
          user = def;
        }
      }
      if (user.isEmpty()) {
        throw LoginException.client("Error: Non-null Username Required");
      }
      String pass = password.orElse("");
      if (pass.isEmpty()) {
        pass = console.readPassword("Password: ");
      }
      if (pass.isEmpty()) {
        throw LoginException.client("Error: Password Required");
      }
      return Credentials.basic(user, pass);
    } catch (IOException e) {
      throw new LoginException(e.getMessage(), false, e);
    }
  }

  private Optional<Credentials> storedFor(String key) {
    try {
      return store.get(key);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * Stores the credentials, with docker's warning when a password lands in config.json. Unchanged
   * credentials in config.json are left alone, without the warning, as docker 28 does.
   */
  private void save(String key, Credentials c, LoginConsole console) throws LoginException {
    if (store.helperFor(key).isEmpty() && storedFor(key).filter(c::equals).isPresent()) {
      return;
    }
    Optional<CredentialHelper> helper;
    try {
      helper = store.store(key, c);
    } catch (IOException e) {
      throw new LoginException("Error saving credentials: " + e.getMessage(), false, e);
    }
    if (helper.isEmpty() && !c.password().isEmpty()) {
      console.err(
          "\nWARNING! Your credentials are stored unencrypted in '"
              + store.file().path()
              + "'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/\n\n");
    }
  }

  /** {@code jdock logout [SERVER]}: erases stored credentials under every form docker used. */
  public void logout(Optional<String> server, LoginConsole console) {
    String address = server.filter(s -> !s.isEmpty()).orElse(ServerAddress.INDEX_SERVER);
    Set<String> keys = new LinkedHashSet<>();
    String shown;
    if (ServerAddress.isDockerHub(address)) {
      keys.add(ServerAddress.INDEX_SERVER);
      shown = ServerAddress.INDEX_SERVER;
    } else {
      shown = ServerAddress.toHostname(address);
      keys.add(address);
      keys.add(shown);
      keys.add("http://" + shown);
      keys.add("https://" + shown);
    }
    console.out("Removing login credentials for " + shown);
    StringBuilder errors = new StringBuilder();
    int failed = 0;
    for (String k : keys) {
      try {
        store.erase(k);
      } catch (IOException e) {
        failed++;
        errors.append(k).append(": ").append(e.getMessage()).append('\n');
      }
    }
    if (failed == keys.size()) {
      console.err("WARNING: could not erase credentials:\n" + errors);
    }
  }
}
