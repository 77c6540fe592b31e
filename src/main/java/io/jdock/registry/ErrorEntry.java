package io.jdock.registry;

import java.util.Locale;

/**
 * One entry of a registry's error body {@code {"errors":[{"code","message","detail"}]}}
 * (distribution-spec "Error Codes"); {@link #toString()} is docker's errcode text.
 */
public record ErrorEntry(String code, String message, String detail) {
  public static final String UNAUTHORIZED = "UNAUTHORIZED";
  public static final String DENIED = "DENIED";
  public static final String MANIFEST_UNKNOWN = "MANIFEST_UNKNOWN";
  public static final String NAME_UNKNOWN = "NAME_UNKNOWN";
  public static final String TOOMANYREQUESTS = "TOOMANYREQUESTS";

  /** {@code "<code lowercased, _ as space>: <message>"}, as docker prints an errcode. */
  @Override
  public String toString() {
    String text = code.toLowerCase(Locale.ROOT).replace('_', ' ');
    return message.isEmpty() ? text : text + ": " + message;
  }
}
