package io.jdock.cli;

import io.jdock.archive.ImageLoader;
import io.jdock.archive.LoadedImage;
import io.jdock.container.Layers;
import io.jdock.oci.Platform;
import io.jdock.reference.ImageReference;
import io.jdock.store.ImageStore;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code jdock load [-i FILE|DIR] [-q]}: docker's {@code load} (reference doc section 1.8). The
 * input is checked before the store is opened, as docker's client checks it before calling the
 * daemon; errors of the archive are printed as docker's load stream prints them: the message alone.
 */
@Command(
    name = "load",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock load [OPTIONS]",
    description = {
      "Load an image from a tar archive or STDIN",
      "(docker save archives, OCI layouts as a tar or a directory, gzip or zstd compressed)"
    })
class LoadCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-i", "--input"},
      paramLabel = "string",
      description = "Read from tar archive file (or OCI layout directory), instead of STDIN")
  String input;

  @Option(
      names = {"-q", "--quiet"},
      description = "Suppress the load output (jdock shows no progress: no effect)")
  boolean quiet;

  @Override
  public Integer call() throws Exception {
    Optional<Path> dir = Optional.empty();
    InputStream archive = null;
    if (input != null && !input.isEmpty() && Files.isDirectory(Path.of(input))) {
      dir = Optional.of(Path.of(input));
    } else {
      archive = open();
    }
    List<LoadedImage> loaded;
    try (ImageStore store = Stores.open(spec);
        InputStream in = archive) {
      ImageLoader loader = new ImageLoader(store, Layers.unpacker(), Platform.host());
      loaded = dir.isPresent() ? loader.loadDirectory(dir.get()) : loader.load(in);
    } catch (IOException e) {
      throw StreamErrors.of(e);
    }
    print(loaded, spec.commandLine().getOut());
    return 0;
  }

  /** The archive file, or stdin unless it is a terminal or empty. */
  private InputStream open() throws IOException {
    if (input != null && !input.isEmpty()) {
      return InputFiles.open(input);
    }
    InputStream stdin = new BufferedInputStream(System.in, 1 << 16);
    if (Terminals.isTerminal(Terminals.STDIN) || isEmpty(stdin)) {
      throw new UserException("requested load from stdin, but stdin is empty");
    }
    return stdin;
  }

  private static boolean isEmpty(InputStream in) throws IOException {
    in.mark(1);
    boolean empty = in.read() < 0;
    in.reset();
    return empty;
  }

  private static void print(List<LoadedImage> loaded, PrintWriter out) {
    for (LoadedImage image : loaded) {
      for (ImageReference tag : image.tags()) {
        image
            .previousImageOf(tag)
            .ifPresent(
                previous ->
                    out.println(
                        "The image "
                            + tag.familiarString()
                            + " already exists, renaming the old one with ID "
                            + previous
                            + " to empty string"));
        out.println("Loaded image: " + tag.familiarString());
      }
      if (image.tags().isEmpty()) {
        out.println("Loaded image ID: " + image.id());
      }
    }
    out.flush();
  }
}
