package io.jdock.layer;

import io.jdock.oci.InvalidContentException;
import java.util.Optional;

/**
 * Turns tar names into layer paths (see {@link LayerEntry#path()}) and refuses the ones that leave
 * the layer: absolute names, {@code ..} components, NUL bytes. Classifies whiteout marker names.
 */
final class TarPaths {
  private TarPaths() {}

  /**
   * The normalised layer path of a tar name: "./" prefixes, "." components, repeated and trailing
   * slashes are dropped; "./" and "." become "" (the root).
   */
  static String normalize(String tarName) throws UnsafeLayerException {
    if (tarName.indexOf('\0') >= 0) {
      throw new UnsafeLayerException(tarName, "name contains a NUL byte");
    }
    if (tarName.startsWith("/")) {
      throw new UnsafeLayerException(tarName, "absolute path");
    }
    StringBuilder path = new StringBuilder(tarName.length());
    for (String part : tarName.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        throw new UnsafeLayerException(tarName, "path escapes the layer");
      }
      if (path.length() > 0) {
        path.append('/');
      }
      path.append(part);
    }
    return path.toString();
  }

  /** The normalised layer path a hard link points to; it must stay inside the layer. */
  static String hardLinkTarget(String tarName, String linkName) throws UnsafeLayerException {
    if (linkName.indexOf('\0') >= 0) {
      throw new UnsafeLayerException(tarName, "hard link target contains a NUL byte");
    }
    if (linkName.startsWith("/")) {
      throw new UnsafeLayerException(tarName, "hard link target \"" + linkName + "\" is absolute");
    }
    for (String part : linkName.split("/")) {
      if (part.equals("..")) {
        throw new UnsafeLayerException(
            tarName, "hard link target \"" + linkName + "\" escapes the layer");
      }
    }
    return normalize(linkName);
  }

  /** The parent of a normalised path ("" for top-level paths). */
  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** The last component of a normalised path. */
  static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * True for paths inside AUFS metadata ({@code .wh..wh.plnk/...}, {@code .wh..wh.aufs}): every
   * component starting with {@code .wh..wh.}, except a final {@code .wh..wh..opq}.
   */
  static boolean isAufsMetadata(String path) {
    int start = 0;
    while (start <= path.length()) {
      int slash = path.indexOf('/', start);
      int end = slash < 0 ? path.length() : slash;
      if (path.startsWith(Whiteouts.AUFS_META_PREFIX, start)
          && !(slash < 0 && Whiteouts.isOpaque(path.substring(start)))) {
        return true;
      }
      if (slash < 0) {
        return false;
      }
      start = end + 1;
    }
    return false;
  }

  /**
   * WHITEOUT or OPAQUE when the path's last component is a marker; empty for ordinary names.
   * Refuses markers that hide nothing ({@code .wh.}, {@code .wh..}, {@code .wh...}), with moby's
   * message.
   */
  static Optional<EntryType> markerType(String tarName, String path)
      throws InvalidContentException {
    String base = baseName(path);
    if (Whiteouts.isOpaque(base)) {
      return Optional.of(EntryType.OPAQUE);
    }
    if (!base.startsWith(Whiteouts.PREFIX)) {
      return Optional.empty();
    }
    String hidden = Whiteouts.hiddenName(base);
    if (hidden.isEmpty() || hidden.equals(".") || hidden.equals("..")) {
      throw new InvalidContentException("invalid whiteout entry \"" + tarName + "\"");
    }
    return Optional.of(EntryType.WHITEOUT);
  }
}
