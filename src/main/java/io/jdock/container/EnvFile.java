package io.jdock.container;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * docker's {@code --env-file} format (opts parseKeyValueFile): {@code KEY=value} lines taken as
 * they are, {@code #} comments and blank lines skipped, a bare {@code KEY} taken from jdock's
 * environment (and skipped when unset there), a key with white space refused.
 */
public final class EnvFile {
  private EnvFile() {}

  /** The variables of a file's CONTENT; NAME is the file, for errors. */
  public static List<String> parse(String name, String content, Function<String, String> hostEnv)
      throws ContainerException {
    List<String> out = new ArrayList<>();
    for (String raw : content.split("\n", -1)) {
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      line = line.stripLeading();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf('=');
      String key = eq < 0 ? line : line.substring(0, eq);
      if (key.isEmpty()) {
        throw new ContainerException(
            "invalid env file (" + name + "): no variable name on line '" + line + "'", 1);
      }
      if (key.chars().anyMatch(Character::isWhitespace)) {
        throw new ContainerException("variable '" + key + "' contains whitespaces", 1);
      }
      if (eq >= 0) {
        out.add(line);
      } else if (hostEnv.apply(key) != null) {
        out.add(key + "=" + hostEnv.apply(key));
      }
    }
    return out;
  }
}
