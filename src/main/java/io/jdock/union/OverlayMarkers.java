package io.jdock.union;

import io.jdock.sys.ErrnoException;
import io.jdock.sys.ExtendedAttributes;
import io.jdock.sys.FileMode;
import io.jdock.sys.Stat;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Kernel overlayfs' on-disk markers, read (never written) so that directories prepared for
 * overlayfs or fuse-overlayfs work as lower or upper dirs: a char device 0/0 is a whiteout, and the
 * xattr {@code trusted.overlay.opaque} / {@code user.overlay.opaque} = "y" marks an opaque
 * directory.
 */
final class OverlayMarkers {
  static final String[] OPAQUE_XATTRS = {
    "trusted.overlay.opaque", "user.overlay.opaque", "user.fuseoverlayfs.opaque"
  };

  private OverlayMarkers() {}

  static boolean isWhiteoutDevice(Stat st) {
    return FileMode.isCharDevice(st.mode()) && st.rdev() == 0;
  }

  static boolean isOpaqueDir(String path) throws ErrnoException {
    for (String name : OPAQUE_XATTRS) {
      Optional<byte[]> v;
      try {
        v = ExtendedAttributes.lget(path, name);
      } catch (ErrnoException e) {
        continue;
      }
      if (v.isPresent() && new String(v.get(), StandardCharsets.UTF_8).equals("y")) {
        return true;
      }
    }
    return false;
  }

  /** True for xattr names that are overlay bookkeeping and never shown. */
  static boolean isHiddenXattr(String name) {
    return name.startsWith("trusted.overlay.")
        || name.startsWith("user.overlay.")
        || name.startsWith("user.fuseoverlayfs.")
        || name.startsWith(Ownership.OVERRIDE_XATTR);
  }
}
