package io.jdock.cli;

import io.jdock.container.RegistryAccess;
import io.jdock.registry.Login;
import io.jdock.registry.LoginException;
import io.jdock.registry.LoginRequest;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jdock login [OPTIONS] [SERVER]}: checks credentials against the registry and keeps them in
 * docker's config.json (or its credential helper), with docker's prompts, warnings and messages
 * (reference section 1.9).
 */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock login [OPTIONS] [SERVER]",
    description = {
      "Authenticate to a registry.",
      "Defaults to Docker Hub if no server is specified."
    })
class LoginCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-u", "--username"},
      paramLabel = "string",
      description = "Username")
  String username;

  @Option(
      names = {"-p", "--password"},
      paramLabel = "string",
      description = "Password or Personal Access Token (PAT)")
  String password;

  @Option(
      names = "--password-stdin",
      description = "Take the Password or Personal Access Token (PAT) from stdin")
  boolean passwordStdin;

  @Parameters(arity = "0..1", paramLabel = "SERVER", description = "The registry")
  String server;

  @Override
  public Integer call() {
    RegistryAccess access = RegistryErrors.access(spec, OptionalInt.empty());
    LoginRequest request =
        new LoginRequest(
            Optional.ofNullable(server),
            Optional.ofNullable(username),
            Optional.ofNullable(password),
            passwordStdin);
    try {
      new Login(access.registries(), access.credentials()).login(request, console(spec));
    } catch (LoginException e) {
      throw e.fromRegistry()
          ? new DaemonStyleError(e.getMessage())
          : new UserException(e.getMessage());
    }
    return 0;
  }

  static TerminalConsole console(CommandSpec spec) {
    return new TerminalConsole(System.in, spec.commandLine().getOut(), spec.commandLine().getErr());
  }
}
