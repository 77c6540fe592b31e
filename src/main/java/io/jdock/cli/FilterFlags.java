package io.jdock.cli;

import io.jdock.store.ImageFilters;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/**
 * The {@code --filter key=value} flags of a command, parsed as docker's CLI parses them; a value
 * without {@code =} is a flag error (exit 125): {@code invalid argument "foo" for "-f, --filter"
 * flag: bad format of filter (expected name=value)}.
 */
final class FilterFlags {
  private FilterFlags() {}

  /** Parses the values of the flag named {@code flagNames} ({@code -f, --filter}). */
  static ImageFilters parse(CommandSpec spec, List<String> values, String flagNames) {
    ImageFilters filters = ImageFilters.none();
    for (String value : values) {
      try {
        filters.addArgument(value);
      } catch (IllegalArgumentException e) {
        throw new ParameterException(
            spec.commandLine(),
            "invalid argument \"" + value + "\" for \"" + flagNames + "\" flag: " + e.getMessage());
      }
    }
    return filters;
  }
}
