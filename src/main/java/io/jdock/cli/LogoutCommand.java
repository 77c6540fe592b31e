package io.jdock.cli;

import io.jdock.container.RegistryAccess;
import io.jdock.registry.Login;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jdock logout [SERVER]}: erases the credentials docker's config.json holds for SERVER. */
@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock logout [SERVER]",
    description = {
      "Log out from a registry.",
      "If no server is specified, the default is Docker Hub."
    })
class LogoutCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "0..1", paramLabel = "SERVER", description = "The registry")
  String server;

  @Override
  public Integer call() {
    RegistryAccess access = RegistryErrors.access(spec, OptionalInt.empty());
    new Login(access.registries(), access.credentials())
        .logout(Optional.ofNullable(server), LoginCommand.console(spec));
    return 0;
  }
}
