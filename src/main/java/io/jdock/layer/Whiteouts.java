package io.jdock.layer;

/**
 * OCI whiteout names (https://github.com/opencontainers/image-spec/blob/main/layer.md#whiteouts):
 * {@code .wh.NAME} hides NAME below; {@code .wh..wh..opq} makes its directory opaque; other {@code
 * .wh..wh.*} names are AUFS metadata.
 */
public final class Whiteouts {
  /** The prefix of every whiteout name. */
  public static final String PREFIX = ".wh.";

  /** The opaque-directory marker. */
  public static final String OPAQUE = ".wh..wh..opq";

  /** The prefix of AUFS metadata names, which are ignored. */
  public static final String AUFS_META_PREFIX = ".wh..wh.";

  private Whiteouts() {}

  /** True for any name starting with {@code .wh.} (never shown, never creatable). */
  public static boolean isReserved(String name) {
    return name.startsWith(PREFIX);
  }

  /** True for {@code .wh..wh..opq}. */
  public static boolean isOpaque(String name) {
    return name.equals(OPAQUE);
  }

  /** True for a {@code .wh.NAME} marker that hides NAME (not opaque, not AUFS metadata). */
  public static boolean isWhiteout(String name) {
    return name.startsWith(PREFIX)
        && !name.startsWith(AUFS_META_PREFIX)
        && name.length() > PREFIX.length();
  }

  /** The name a whiteout hides: {@code .wh.foo} -> {@code foo}. */
  public static String hiddenName(String whiteoutName) {
    return whiteoutName.substring(PREFIX.length());
  }

  /** The whiteout marker for a name: {@code foo} -> {@code .wh.foo}. */
  public static String markerFor(String name) {
    return PREFIX + name;
  }
}
