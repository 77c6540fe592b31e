package io.jdock.cli;

import io.jdock.container.RegistryAccess;
import io.jdock.registry.RegistryConfigException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.OptionalInt;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Opens the user's registry settings for a command and words registry failures as docker does: a
 * failure before docker's daemon has started its progress stream is {@code Error response from
 * daemon: ...}; one reported in the stream (after {@code Pulling from} or {@code The push refers
 * to}) is printed as it is.
 */
final class RegistryErrors {
  private RegistryErrors() {}

  /** The settings and credentials; registry warnings go to stderr. */
  static RegistryAccess access(CommandSpec spec, OptionalInt maxConcurrentDownloads) {
    PrintWriter err = spec.commandLine().getErr();
    try {
      return RegistryAccess.forUser(
          System.getenv(),
          maxConcurrentDownloads,
          w -> {
            err.println("WARNING: " + w);
            err.flush();
          });
    } catch (RegistryConfigException e) {
      throw new UserException(e.getMessage());
    } catch (IOException e) {
      throw new UserException(e.getMessage());
    }
  }

  /** The error as docker prints it, depending on whether the progress stream had started. */
  static RuntimeException of(Exception e, boolean streamStarted) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return streamStarted ? new UserException(message) : new DaemonStyleError(message);
  }
}
