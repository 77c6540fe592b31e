package io.jdock.cli;

import io.jdock.cli.format.FormatException;
import io.jdock.cli.format.TableFormat;
import io.jdock.container.ContainerException;
import io.jdock.container.ContainerFilter;
import io.jdock.container.Containers;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ContainerState;
import io.jdock.store.ImageStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code jdock ps}: lists containers (reference doc section 1.11). */
@Command(
    name = "ps",
    mixinStandardHelpOptions = true,
    customSynopsis = "jdock ps [OPTIONS]",
    description = "List containers")
class PsCommand implements Callable<Integer> {
  static final TableFormat TABLE =
      new TableFormat(
          "table {{.ID}}\t{{.Image}}\t{{.Command}}\t{{.RunningFor}}\t{{.Status}}\t{{.Ports}}"
              + "\t{{.Names}}",
          Map.ofEntries(
              Map.entry("ID", "CONTAINER ID"),
              Map.entry("Image", "IMAGE"),
              Map.entry("Command", "COMMAND"),
              Map.entry("CreatedAt", "CREATED AT"),
              Map.entry("RunningFor", "CREATED"),
              Map.entry("Ports", "PORTS"),
              Map.entry("State", "STATE"),
              Map.entry("Status", "STATUS"),
              Map.entry("Names", "NAMES"),
              Map.entry("Labels", "LABELS"),
              Map.entry("Mounts", "MOUNTS"),
              Map.entry("Networks", "NETWORKS"),
              Map.entry("LocalVolumes", "LOCAL VOLUMES"),
              Map.entry("Size", "SIZE")),
          "*formatter.ContainerContext");

  @Spec CommandSpec spec;

  @Option(
      names = {"-a", "--all"},
      description = "Show all containers (default shows just running)")
  boolean all;

  @Option(
      names = {"-q", "--quiet"},
      description = "Only display container IDs")
  boolean quiet;

  @Option(names = "--no-trunc", description = "Don't truncate output")
  boolean noTrunc;

  @Option(
      names = {"-n", "--last"},
      paramLabel = "int",
      defaultValue = "-1",
      description = "Show n last created containers (includes all states)")
  int last;

  @Option(
      names = {"-l", "--latest"},
      description = "Show the latest created container (includes all states)")
  boolean latest;

  @Option(
      names = {"-f", "--filter"},
      paramLabel = "filter",
      description = "Filter output based on conditions provided")
  List<String> filters = new ArrayList<>();

  @Option(
      names = "--format",
      paramLabel = "string",
      description = "Format output using a custom template: table, json or a Go template")
  String format;

  @Override
  public Integer call() throws Exception {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (ImageStore store = Stores.open(spec)) {
      Containers containers = new Containers(store);
      ContainerFilter filter;
      try {
        filter = ContainerFilter.parse(filters, store);
      } catch (ContainerException e) {
        throw ContainerErrors.of(e);
      }
      int limit = latest ? 1 : last;
      boolean showAll = all || limit > 0;
      Instant now = Instant.now();
      int taken = 0;
      for (ContainerRecord r : containers.list()) {
        if (limit > 0 && taken >= limit) {
          break;
        }
        if ((!showAll && !(r.state() instanceof ContainerState.Running)) || !filter.matches(r)) {
          continue;
        }
        taken++;
        rows.add(ContainerRows.row(r, containers.imageName(r, !noTrunc), !noTrunc, now));
      }
    }
    try {
      TABLE.write(spec.commandLine().getOut(), quiet ? "{{.ID}}" : format, rows);
    } catch (FormatException e) {
      throw new UserException(e.getMessage(), e.exitStatus());
    }
    return 0;
  }
}
