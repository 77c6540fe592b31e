package io.jdock.container;

import java.nio.file.Path;
import java.util.List;

/**
 * A bind mount of {@code -v HOSTDIR:DIR[:ro|rw]}: a host path seen at DIR inside the container.
 * Named and anonymous volumes (no host path) are not supported: jdock has no volume store.
 */
public record Bind(Path source, String target, boolean readOnly) {

  /** Parses one {@code -v} value as docker does for bind mounts. */
  public static Bind parse(String spec) throws ContainerException {
    String[] parts = spec.split(":", -1);
    if (parts.length < 2 || parts.length > 3 || parts[0].isEmpty() || parts[1].isEmpty()) {
      if (parts.length == 1 && parts[0].startsWith("/")) {
        throw new ContainerException(
            "invalid volume specification: '" + spec + "': anonymous volumes are not supported");
      }
      throw new ContainerException("invalid volume specification: '" + spec + "'");
    }
    if (!parts[0].startsWith("/")) {
      throw new ContainerException(
          "invalid volume specification: '"
              + spec
              + "': named volumes are not supported, give an absolute host path");
    }
    if (!parts[1].startsWith("/")) {
      throw new ContainerException(
          "invalid volume specification: '"
              + spec
              + "': invalid mount config for type \"bind\": invalid mount path: '"
              + parts[1]
              + "' mount path must be absolute");
    }
    boolean ro = false;
    if (parts.length == 3) {
      for (String mode : parts[2].split(",")) {
        switch (mode) {
          case "ro" -> ro = true;
          case "rw" -> ro = false;
          default -> throw new ContainerException("invalid mode: " + parts[2]);
        }
      }
    }
    return new Bind(Path.of(parts[0]).normalize(), Path.of(parts[1]).normalize().toString(), ro);
  }

  /** Parses every value. */
  public static List<Bind> parseAll(List<String> specs) throws ContainerException {
    List<Bind> out = new java.util.ArrayList<>();
    for (String s : specs) {
      out.add(parse(s));
    }
    return out;
  }
}
