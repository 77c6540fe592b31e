package io.jdock.registry;

import java.util.Optional;

/**
 * {@code jdock login [-u USER] [-p PASS | --password-stdin] [SERVER]} as parsed by the CLI; {@code
 * -p -} means the password comes from stdin, as docker allows.
 */
public record LoginRequest(
    Optional<String> server,
    Optional<String> username,
    Optional<String> password,
    boolean passwordStdin) {}
