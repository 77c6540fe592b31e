package io.jdock.container;

import io.jdock.oci.Digest;
import io.jdock.reference.InvalidReferenceException;
import io.jdock.store.ContainerRecord;
import io.jdock.store.ContainerState;
import io.jdock.store.Image;
import io.jdock.store.ImageStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code ps --filter}: {@code status=}, {@code name=} (a regular expression, found anywhere in the
 * name), {@code id=} (prefix), {@code ancestor=} (the image or any image it was committed from),
 * {@code exited=}; values of one key are alternatives, different keys must all match (moby
 * daemon/list.go).
 */
public final class ContainerFilter {
  private static final Set<String> STATUSES =
      Set.of("created", "restarting", "running", "removing", "paused", "exited", "dead");
  private static final Set<String> KEYS = Set.of("status", "name", "id", "ancestor", "exited");

  private final Map<String, List<String>> filters;
  private final Set<Digest> ancestors;
  private final Map<Digest, Digest> parents;

  private ContainerFilter(
      Map<String, List<String>> filters, Set<Digest> ancestors, Map<Digest, Digest> parents) {
    this.filters = filters;
    this.ancestors = ancestors;
    this.parents = parents;
  }

  /** Parses {@code key=value} filters; errors carry docker's text. */
  public static ContainerFilter parse(List<String> specs, ImageStore store)
      throws IOException, ContainerException {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (String spec : specs) {
      int eq = spec.indexOf('=');
      if (eq < 0) {
        throw new ContainerException("bad format of filter (expected name=value)", 1);
      }
      String key = spec.substring(0, eq).strip().toLowerCase();
      String value = spec.substring(eq + 1).strip();
      if (!KEYS.contains(key)) {
        throw new ContainerException("invalid filter '" + key + "'", 1);
      }
      if (key.equals("status") && !STATUSES.contains(value)) {
        throw new ContainerException("invalid filter 'status=" + value + "'", 1);
      }
      if (key.equals("exited") && !value.matches("-?[0-9]+")) {
        throw new ContainerException("invalid filter 'exited=" + value + "'", 1);
      }
      if (key.equals("name")) {
        try {
          Pattern.compile(value);
        } catch (PatternSyntaxException e) {
          throw new ContainerException("invalid filter 'name=" + value + "'", 1);
        }
      }
      filters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
    }
    Set<Digest> ancestors = new java.util.HashSet<>();
    Map<Digest, Digest> parents = new HashMap<>();
    if (filters.containsKey("ancestor")) {
      for (Image i : store.images()) {
        i.parent().ifPresent(p -> parents.put(i.id(), p));
      }
      for (String a : filters.get("ancestor")) {
        try {
          store.find(a).ifPresent(i -> ancestors.add(i.id()));
        } catch (InvalidReferenceException e) {
          // docker matches nothing for an image it cannot parse
        }
      }
    }
    return new ContainerFilter(filters, ancestors, parents);
  }

  /** True if R passes every filter. */
  public boolean matches(ContainerRecord r) {
    return all("status", v -> v.equals(status(r)))
        && all("name", v -> Pattern.compile(v).matcher(r.name()).find())
        && all("id", r.id()::startsWith)
        && all("exited", v -> exitCode(r).map(c -> c == Integer.parseInt(v)).orElse(false))
        && all("ancestor", v -> descendsFromAncestor(r.imageId()));
  }

  private boolean all(String key, java.util.function.Predicate<String> anyOf) {
    List<String> values = filters.get(key);
    return values == null || values.stream().anyMatch(anyOf);
  }

  private boolean descendsFromAncestor(Digest image) {
    Digest d = image;
    for (int depth = 0; d != null && depth < 1000; depth++) {
      if (ancestors.contains(d)) {
        return true;
      }
      d = parents.get(d);
    }
    return false;
  }

  /** docker's State: created, running or exited. */
  public static String status(ContainerRecord r) {
    if (r.state() instanceof ContainerState.Running) {
      return "running";
    }
    return r.state() instanceof ContainerState.Exited ? "exited" : "created";
  }

  private static Optional<Integer> exitCode(ContainerRecord r) {
    return r.state() instanceof ContainerState.Exited e
        ? Optional.of(e.exitCode())
        : Optional.empty();
  }
}
