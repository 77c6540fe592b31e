package io.jdock.cli.format;

/**
 * A Go template that failed to parse or to execute; the message is Go's error text, such as {@code
 * template: :1: unexpected "}" in operand} or {@code template: :1:2: executing "" at <.Foo>: map
 * has no entry for key "Foo"}. docker prefixes it with {@code template parsing error: } (see {@link
 * FormatException}).
 */
public final class TemplateException extends Exception {
  public TemplateException(String goMessage) {
    super(goMessage, null, false, false);
  }
}
