package io.jdock.cli;

import io.jdock.archive.ImageSaver;
import io.jdock.archive.SaveTarget;
import io.jdock.archive.SavedImage;
import io.jdock.reference.InvalidReferenceException;
import io.jdock.store.ImageStore;
import io.jdock.store.NoSuchImageException;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jdock save [-o FILE] IMAGE...}: docker's {@code save} (reference doc section 1.8), with
 * its client-side checks (no terminal, a writable output path) before any image is looked up.
 */
@Command(
    name = "save",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock save [OPTIONS] IMAGE [IMAGE...]",
    description = "Save one or more images to a tar archive (streamed to STDOUT by default)")
class SaveCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "string",
      description = "Write to a file, instead of STDOUT")
  String output;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "The images to save")
  List<String> images;

  @Override
  public Integer call() throws Exception {
    boolean toFile = output != null && !output.isEmpty();
    if (!toFile && Terminals.isTerminal(Terminals.STDOUT)) {
      throw new UserException(
          "cowardly refusing to save to a terminal. Use the -o flag or redirect");
    }
    if (toFile) {
      Optional<String> problem = SaveTarget.problem(Path.of(output));
      if (problem.isPresent()) {
        throw new UserException("failed to save image: " + problem.get());
      }
    }
    try (ImageStore store = Stores.open(spec)) {
      ImageSaver saver = new ImageSaver(store);
      List<SavedImage> selected;
      try {
        selected = saver.select(images);
      } catch (NoSuchImageException | InvalidReferenceException e) {
        throw new DaemonStyleError(e.getMessage());
      }
      if (toFile) {
        saver.write(selected, Path.of(output));
      } else {
        // Not System.out: a PrintStream hides write errors such as a closed pipe.
        OutputStream stdout = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out));
        saver.write(selected, stdout);
      }
    }
    return 0;
  }
}
