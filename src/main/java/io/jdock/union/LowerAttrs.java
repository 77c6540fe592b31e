package io.jdock.union;

import io.jdock.sys.ErrnoException;
import io.jdock.sys.ExtendedAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attributes of an entry of a read-only lower layer, as its TOC (or a scan of a plain lower
 * directory) describes it; immutable for the life of a mount.
 *
 * @param mode type and permission bits
 * @param data absolute path of the file's content in the layer (regular files), else null
 * @param xattrSource for a plain directory used as a layer: the entry's path there, whose xattrs
 *     are read when asked for (not at mount time); null when {@code xattrs} holds them
 */
record LowerAttrs(
    int mode,
    int uid,
    int gid,
    long size,
    long mtimeSec,
    int mtimeNsec,
    long rdev,
    String symlinkTarget,
    Map<String, byte[]> xattrs,
    String data,
    String xattrSource) {

  /** The entry's extended attributes (read from the layer dir now if they are live). */
  Map<String, byte[]> readXattrs() throws ErrnoException {
    if (xattrSource == null) {
      return xattrs;
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (String name : ExtendedAttributes.llist(xattrSource)) {
      if (!OverlayMarkers.isHiddenXattr(name)) {
        ExtendedAttributes.lget(xattrSource, name).ifPresent(v -> out.put(name, v));
      }
    }
    return out;
  }
}
