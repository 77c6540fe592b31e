package io.jdock.cli;

import io.jdock.container.ContainerException;
import io.jdock.container.ContainerExport;
import io.jdock.container.Containers;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ImageStore;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code jdock export}: a container's filesystem as a tar archive. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock export [OPTIONS] CONTAINER",
    description = "Export a container's filesystem as a tar archive")
final class ExportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "string",
      description = "Write to a file, instead of STDOUT")
  Path output;

  @Parameters(index = "0", paramLabel = "CONTAINER")
  String container;

  @Override
  public Integer call() throws Exception {
    try (ImageStore store = Stores.open(spec)) {
      ContainerRecord r = new Containers(store).find(container);
      if (output == null) {
        if (System.console() != null) {
          throw new UserException(
              "cowardly refusing to save to a terminal. Use the -o flag or redirect");
        }
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
        ContainerExport.write(store, r, out);
        out.flush();
      } else {
        writeFile(store, r, output);
      }
    } catch (ContainerException e) {
      throw ContainerErrors.of(e);
    }
    return 0;
  }

  /** Writes to a temp file beside OUTPUT and renames it: no half-written archive is left. */
  private static void writeFile(ImageStore store, ContainerRecord r, Path output)
      throws IOException {
    Path abs = output.toAbsolutePath();
    Path tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName(), ".tmp");
    try {
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
        ContainerExport.write(store, r, out);
      }
      Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
