package io.jdock.cli;

import io.jdock.reference.InvalidReferenceException;
import io.jdock.store.ImageConflictException;
import io.jdock.store.ImageRemover;
import io.jdock.store.ImageStore;
import io.jdock.store.NoSuchImageException;
import io.jdock.store.RemoveRecord;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jdock rmi [OPTIONS] IMAGE [IMAGE...]}: untags and deletes images with docker's rules and
 * output (reference doc section 1.5). Every argument is processed; the errors are printed at the
 * end, and with {@code -f} errors of missing images alone do not fail the command.
 */
@Command(
    name = "rmi",
    description = "Remove one or more images",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock rmi [OPTIONS] IMAGE [IMAGE...]")
class RmiCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--force"},
      description = "Force removal of the image")
  boolean force;

  @Option(names = "--no-prune", description = "Do not delete untagged parents")
  boolean noPrune;

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images to remove")
  List<String> images;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    List<String> errors = new ArrayList<>();
    boolean fatal = false;
    try (ImageStore store = Stores.open(spec)) {
      ImageRemover remover = new ImageRemover(store);
      for (String image : images) {
        try {
          for (RemoveRecord record : remover.remove(image, force, !noPrune)) {
            out.println(record.line());
          }
        } catch (NoSuchImageException e) {
          errors.add(ErrorText.of(new DaemonStyleError(e.getMessage())));
        } catch (ImageConflictException | InvalidReferenceException e) {
          fatal = true;
          errors.add(ErrorText.of(new DaemonStyleError(e.getMessage())));
        }
        out.flush();
      }
    }
    if (!errors.isEmpty()) {
      String message = String.join("\n", errors);
      if (!force || fatal) {
        throw new UserException(message);
      }
      spec.commandLine().getErr().println(message);
      spec.commandLine().getErr().flush();
    }
    return 0;
  }
}
