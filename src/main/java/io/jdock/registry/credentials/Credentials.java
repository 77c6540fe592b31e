package io.jdock.registry.credentials;

import java.util.Objects;
import java.util.Optional;

/**
 * A user's credentials for one registry: a username and password, or an identity (refresh) token as
 * docker stores it after an OAuth login. {@link #toString()} never shows secrets.
 */
public record Credentials(String username, String password, Optional<String> identityToken) {

  public Credentials {
    username = Objects.requireNonNullElse(username, "");
    password = Objects.requireNonNullElse(password, "");
    identityToken = identityToken.filter(t -> !t.isEmpty());
  }

  /** Username and password. */
  public static Credentials basic(String username, String password) {
    return new Credentials(username, password, Optional.empty());
  }

  /** An identity token (docker's {@code identitytoken}), with the username it belongs to. */
  public static Credentials token(String username, String identityToken) {
    return new Credentials(username, "", Optional.of(identityToken));
  }

  /** True when neither a password nor an identity token is held. */
  public boolean isEmpty() {
    return password.isEmpty() && identityToken.isEmpty();
  }

  @Override
  public String toString() {
    return "Credentials[username=" + username + ", secret=" + (isEmpty() ? "none" : "***") + "]";
  }
}
