package io.jdock.cli;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code jdock inspect [OPTIONS] NAME|ID...}: docker's top-level inspect, for images (the only
 * objects jdock can inspect so far); {@code --type image} reports missing images as {@code image
 * inspect} does, without a type they are {@code Error: No such object: X}.
 */
@Command(
    name = "inspect",
    description = "Return low-level information on jdock objects",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock inspect [OPTIONS] NAME|ID [NAME|ID...]")
final class InspectCommand implements Callable<Integer> {
  private static final List<String> TYPES =
      List.of(
          "config",
          "container",
          "image",
          "network",
          "node",
          "plugin",
          "secret",
          "service",
          "task",
          "volume");

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "string",
      description = "Format output using a custom template: 'json' or 'TEMPLATE'")
  String format = "";

  @Option(
      names = {"-s", "--size"},
      description = "Display total file sizes if the type is container")
  boolean size;

  @Option(
      names = "--type",
      paramLabel = "string",
      description = "Only inspect objects of the given type")
  String type = "";

  @Parameters(arity = "1..*", paramLabel = "NAME|ID", description = "Objects to inspect")
  List<String> names;

  @Override
  public Integer call() throws IOException {
    if (!type.isEmpty() && !TYPES.contains(type)) {
      throw new UserException(
          "unknown type: \""
              + type
              + "\": must be one of "
              + String.join(", ", TYPES.stream().map(t -> "\"" + t + "\"").toList()));
    }
    if (!type.isEmpty() && !type.equals("image")) {
      throw new UserException(
          "Error: No such object: " + String.join("\nError: No such object: ", names));
    }
    ImageInspectCommand.inspect(spec, format, names, type.isEmpty());
    return 0;
  }
}
