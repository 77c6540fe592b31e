package io.jdock.store;

/**
 * The {@code io.jdock.*} annotations jdock keeps on an image's index.json entries, for metadata the
 * OCI layout has no place for.
 */
public final class ImageAnnotations {
  /** The prefix of every jdock annotation; addImage accepts no other keys. */
  public static final String PREFIX = "io.jdock.";

  /** The image ID ({@code sha256:...}) of a committed image's parent. */
  public static final String PARENT = "io.jdock.image.parent";

  /** When the image was last tagged, RFC 3339 (docker's {@code Metadata.LastTagTime}). */
  public static final String LAST_TAG_TIME = "io.jdock.image.last-tag-time";

  private ImageAnnotations() {}
}
