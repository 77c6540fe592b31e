package io.jdock.cli;

import io.jdock.cli.format.FormatException;
import io.jdock.cli.format.TableFormat;
import io.jdock.container.Mounts;
import io.jdock.store.ImageStore;
import io.jdock.store.MountRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jdock mounts}: the active mounts, with their image, mountpoint, upper dir and server. */
@Command(
    name = "mounts",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock mounts [OPTIONS]",
    description = "List active mounts")
final class MountsCommand implements Callable<Integer> {
  static final TableFormat TABLE =
      new TableFormat(
          "table {{.Name}}\t{{.Image}}\t{{.Mountpoint}}\t{{.Upper}}\t{{.Pid}}",
          Map.of(
              "Name", "NAME",
              "Image", "IMAGE",
              "ImageID", "IMAGE ID",
              "Mountpoint", "MOUNTPOINT",
              "Upper", "UPPER",
              "Pid", "PID"),
          "*jdock.mountContext");

  @Spec CommandSpec spec;

  @Option(
      names = {"-q", "--quiet"},
      description = "Only show mountpoints")
  boolean quiet;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Format output: table, json or a Go template")
  String format;

  @Override
  public Integer call() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ImageStore store = Stores.open(spec)) {
      for (MountRecord r : new Mounts(store).active()) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("Name", r.name());
        row.put("Image", r.imageRef().isEmpty() ? r.imageId().shortHex() : r.imageRef());
        row.put("ImageID", r.imageId().toString());
        row.put("Mountpoint", r.mountpoint().toString());
        row.put("Upper", r.readOnly() ? "-" : r.upperDir().toString());
        row.put("Pid", String.valueOf(r.pid()));
        rows.add(row);
      }
    }
    try {
      TABLE.write(spec.commandLine().getOut(), quiet ? "{{.Mountpoint}}" : format, rows);
    } catch (FormatException e) {
      throw new UserException(e.getMessage(), e.exitStatus());
    }
    return 0;
  }
}
