package io.jdock.cli.format;

/**
 * A typed Go nil in the template data model, where a plain Java {@code null} (Go's untyped nil)
 * would print {@code <no value>}: a nil slice prints {@code []} and a nil map {@code map[]}, both
 * encode as JSON {@code null}, have length 0 and are false in {@code if}. Use them for fields that
 * docker declares as slices or maps and leaves unset (an image config's {@code Entrypoint}, {@code
 * Volumes}); for a nil {@code map[string]string} use {@link GoValues#stringMap} with {@code null}.
 */
public enum GoNil {
  /** A nil slice: prints {@code []}. */
  SLICE,
  /** A nil map: prints {@code map[]}. */
  MAP
}
