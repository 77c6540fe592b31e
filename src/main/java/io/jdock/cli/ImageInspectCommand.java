package io.jdock.cli;

import io.jdock.cli.format.FormatException;
import io.jdock.cli.format.Inspector;
import io.jdock.reference.InvalidReferenceException;
import io.jdock.store.ImageStore;
import io.jdock.store.NoSuchImageException;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jdock image inspect [-f TEMPLATE] IMAGE...}: each image as docker's classic inspect shows
 * it (reference doc section 1.6); missing images are reported after the others, exit 1.
 */
@Command(
    name = "inspect",
    description = "Display detailed information on one or more images",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock image inspect [OPTIONS] IMAGE [IMAGE...]")
final class ImageInspectCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "string",
      description = "Format output using a custom template: 'json' or 'TEMPLATE'")
  String format = "";

  @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "Images to inspect")
  List<String> images;

  @Override
  public Integer call() throws IOException {
    inspect(spec, format, images, false);
    return 0;
  }

  /**
   * Inspects images and prints them. {@code anyObject}: docker's top-level {@code inspect} without
   * {@code --type}, which reports {@code Error: No such object: X} instead of the daemon's error.
   */
  static void inspect(CommandSpec spec, String format, List<String> names, boolean anyObject)
      throws IOException {
    try {
      Inspector inspector = Inspector.create(format);
      try (ImageStore store = Stores.open(spec)) {
        for (String name : names) {
          try {
            InspectStruct typed = ImageInspection.typed(store.get(name));
            inspector.add(typed, ImageInspection.raw(typed));
          } catch (NoSuchImageException | InvalidReferenceException e) {
            inspector.addError(
                anyObject
                    ? "Error: No such object: " + name
                    : ErrorText.of(new DaemonStyleError(e.getMessage())));
          }
        }
      }
      inspector.flush(spec.commandLine().getOut());
    } catch (FormatException e) {
      throw new UserException(e.getMessage(), e.exitStatus());
    }
  }
}
