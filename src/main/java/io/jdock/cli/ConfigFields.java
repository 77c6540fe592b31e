package io.jdock.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.jdock.cli.format.GoNil;
import io.jdock.cli.format.GoValues;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fields of an image config's raw JSON as docker's Go types decode them for inspect: missing
 * strings are empty, missing slices and maps nil, and the {@code config} object is the whole {@code
 * container.Config} of docker's classic output.
 */
final class ConfigFields {
  private ConfigFields() {}

  /** A string field; empty when missing or not a string. */
  static String text(JsonNode node, String name) {
    JsonNode v = node.path(name);
    return v.isTextual() ? v.asText() : "";
  }

  /**
   * The config's {@code created} as Go prints a parsed time with RFC3339Nano: the offset kept
   * ({@code Z} for UTC), trailing zeros of the fraction dropped; empty when missing.
   */
  static String created(JsonNode config) {
    String created = text(config, "created");
    if (created.isEmpty()) {
      return "";
    }
    try {
      OffsetDateTime t = OffsetDateTime.parse(created);
      String fraction = "";
      if (t.getNano() != 0) {
        fraction = ("." + String.format("%09d", t.getNano())).replaceAll("0+$", "");
      }
      String offset = t.getOffset().equals(ZoneOffset.UTC) ? "Z" : t.getOffset().getId();
      return String.format(
              "%04d-%02d-%02dT%02d:%02d:%02d",
              t.getYear(),
              t.getMonthValue(),
              t.getDayOfMonth(),
              t.getHour(),
              t.getMinute(),
              t.getSecond())
          + fraction
          + offset;
    } catch (DateTimeParseException e) {
      return "";
    }
  }

  /** docker's {@code container.Config} (API 1.47) of the config's {@code config} object. */
  static InspectStruct containerConfig(JsonNode c) {
    return new InspectStruct()
        .field("Hostname", text(c, "Hostname"))
        .field("Domainname", text(c, "Domainname"))
        .field("User", text(c, "User"))
        .field("AttachStdin", bool(c, "AttachStdin"))
        .field("AttachStdout", bool(c, "AttachStdout"))
        .field("AttachStderr", bool(c, "AttachStderr"))
        .omitEmpty("ExposedPorts", set(c, "ExposedPorts"))
        .field("Tty", bool(c, "Tty"))
        .field("OpenStdin", bool(c, "OpenStdin"))
        .field("StdinOnce", bool(c, "StdinOnce"))
        .field("Env", strings(c, "Env"))
        .field("Cmd", strings(c, "Cmd"))
        .omitEmpty("Healthcheck", healthcheck(c.path("Healthcheck")))
        .omitEmpty("ArgsEscaped", bool(c, "ArgsEscaped"))
        .field("Image", text(c, "Image"))
        .field("Volumes", set(c, "Volumes"))
        .field("WorkingDir", text(c, "WorkingDir"))
        .field("Entrypoint", strings(c, "Entrypoint"))
        .omitEmpty("NetworkDisabled", bool(c, "NetworkDisabled"))
        .omitEmpty("MacAddress", text(c, "MacAddress"))
        .field("OnBuild", strings(c, "OnBuild"))
        .field("Labels", labels(c.path("Labels")))
        .omitEmpty("StopSignal", text(c, "StopSignal"))
        .omitEmpty(
            "StopTimeout", c.path("StopTimeout").isInt() ? c.get("StopTimeout").asInt() : null)
        .omitEmpty("Shell", strings(c, "Shell"));
  }

  private static boolean bool(JsonNode node, String name) {
    return node.path(name).asBoolean(false);
  }

  /** A Go slice of strings ({@code strslice} also takes one string); nil when missing. */
  private static Object strings(JsonNode node, String name) {
    JsonNode v = node.path(name);
    if (v.isTextual()) {
      return List.of(v.asText());
    }
    if (!v.isArray()) {
      return GoNil.SLICE;
    }
    List<String> result = new ArrayList<>();
    v.forEach(e -> result.add(e.asText()));
    return result;
  }

  /** A Go {@code map[string]struct{}} (volumes, exposed ports); nil when missing. */
  private static Object set(JsonNode node, String name) {
    JsonNode v = node.path(name);
    if (!v.isObject()) {
      return GoNil.MAP;
    }
    Map<String, Object> result = new TreeMap<>();
    v.fieldNames().forEachRemaining(k -> result.put(k, Map.of()));
    return result;
  }

  private static Map<String, String> labels(JsonNode v) {
    if (!v.isObject()) {
      return GoValues.stringMap(null);
    }
    Map<String, String> labels = new TreeMap<>();
    v.fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
    return GoValues.stringMap(labels);
  }

  /** docker's {@code *container.HealthConfig}: null when the config has none. */
  private static InspectStruct healthcheck(JsonNode h) {
    if (!h.isObject()) {
      return null;
    }
    return new InspectStruct()
        .omitEmpty("Test", strings(h, "Test"))
        .omitEmpty("Interval", h.path("Interval").asLong(0))
        .omitEmpty("Timeout", h.path("Timeout").asLong(0))
        .omitEmpty("StartPeriod", h.path("StartPeriod").asLong(0))
        .omitEmpty("StartInterval", h.path("StartInterval").asLong(0))
        .omitEmpty("Retries", h.path("Retries").asInt(0));
  }
}
