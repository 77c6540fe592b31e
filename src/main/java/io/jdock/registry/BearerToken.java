package io.jdock.registry;

import java.time.Instant;
import java.util.Optional;

/**
 * A token from a token server (distribution docs/spec/auth/token.md): the token, when it stops
 * being valid ({@code issued_at + expires_in}, at least 60 s), and a refresh token when the server
 * gave one (docker stores it as the identity token).
 */
record BearerToken(String token, Instant expiresAt, Optional<String> refreshToken) {
  boolean isValidAt(Instant now) {
    return now.isBefore(expiresAt);
  }
}
