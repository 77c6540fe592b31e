package io.jdock.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens a file named on the command line, failing with Go's words as docker's client does. */
final class InputFiles {
  private InputFiles() {}

  /** Opens {@code name}; {@code open NAME: no such file or directory} if it does not exist. */
  static InputStream open(String name) throws IOException {
    try {
      return Files.newInputStream(Path.of(name));
    } catch (NoSuchFileException e) {
      throw new UserException("open " + name + ": no such file or directory");
    } catch (AccessDeniedException e) {
      throw new UserException("open " + name + ": permission denied");
    }
  }
}
