package io.jdock.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Turns a registry's error answer into a {@link RegistryException} as docker's distribution client
 * does (registry/client/errors.go HandleErrorResponse): OAuth errors of a Bearer challenge first
 * ({@code insufficient_scope} is DENIED, {@code invalid_token} UNAUTHORIZED), then the JSON {@code
 * errors} body, then a token server's {@code details}, else an unexpected-status error.
 */
final class ErrorResponses {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_BODY = 64 * 1024;

  private ErrorResponses() {}

  /** Reads (a bounded part of) the body and closes it, then builds the exception. */
  static RegistryException of(HttpResponse<InputStream> response) {
    byte[] body;
    try (var in = response.body()) {
      body = in.readNBytes(MAX_BODY);
    } catch (IOException e) {
      body = new byte[0];
    }
    return of(
        response.statusCode(),
        body,
        Challenge.parseAll(response.headers().allValues("WWW-Authenticate")));
  }

  static RegistryException of(int status, byte[] body, List<Challenge> challenges) {
    List<ErrorEntry> errors = new ArrayList<>();
    if (status >= 400 && status < 500) {
      oauthError(challenges).ifPresent(errors::add);
    }
    errors.addAll(bodyErrors(status, body));
    if (errors.isEmpty() && status == 401) {
      errors.add(new ErrorEntry(ErrorEntry.UNAUTHORIZED, "authentication required", ""));
    }
    if (errors.isEmpty()) {
      return new RegistryException(
          "received unexpected HTTP status: " + status + " " + reason(status),
          RegistryException.Kind.UNEXPECTED_STATUS,
          OptionalInt.of(status),
          List.of(),
          null);
    }
    return new RegistryException(
        text(errors), RegistryException.Kind.ERROR_CODES, OptionalInt.of(status), errors, null);
  }

  private static Optional<ErrorEntry> oauthError(List<Challenge> challenges) {
    for (Challenge c : challenges) {
      if (!c.isBearer()) {
        continue;
      }
      String error = c.param("error").orElse("");
      String description = c.param("error_description").orElse("");
      if (error.equals("insufficient_scope")) {
        return Optional.of(
            new ErrorEntry(
                ErrorEntry.DENIED,
                description.isEmpty() ? "requested access to the resource is denied" : description,
                ""));
      }
      if (error.equals("invalid_token")) {
        return Optional.of(
            new ErrorEntry(
                ErrorEntry.UNAUTHORIZED,
                description.isEmpty() ? "authentication required" : description,
                ""));
      }
    }
    return Optional.empty();
  }

  private static List<ErrorEntry> bodyErrors(int status, byte[] body) {
    List<ErrorEntry> errors = new ArrayList<>();
    JsonNode root;
    try {
      root = MAPPER.readTree(body);
    } catch (IOException e) {
      return errors;
    }
    if (root == null) {
      return errors;
    }
    for (JsonNode e : root.path("errors")) {
      String detail = e.has("detail") ? e.get("detail").toString() : "";
      errors.add(
          new ErrorEntry(e.path("code").asText("UNKNOWN"), e.path("message").asText(""), detail));
    }
    String details = root.path("details").asText("");
    if (errors.isEmpty() && !details.isEmpty()) {
      errors.add(new ErrorEntry(status == 401 ? ErrorEntry.UNAUTHORIZED : "UNKNOWN", details, ""));
    }
    return errors;
  }

  /** errcode.Errors.Error(): one entry alone, several as {@code errors:\n...}. */
  static String text(List<ErrorEntry> errors) {
    if (errors.size() == 1) {
      return errors.get(0).toString();
    }
    StringBuilder b = new StringBuilder("errors:\n");
    for (ErrorEntry e : errors) {
      b.append(e).append('\n');
    }
    return b.toString();
  }

  static String reason(int status) {
    return switch (status) {
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 409 -> "Conflict";
      case 416 -> "Requested Range Not Satisfiable";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 502 -> "Bad Gateway";
      case 503 -> "Service Unavailable";
      case 504 -> "Gateway Timeout";
      default -> "";
    };
  }
}
