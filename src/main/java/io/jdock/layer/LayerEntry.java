package io.jdock.layer;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * One entry of a layer, as the image describes it (tar header plus PAX xattrs), recorded in the
 * layer's TOC.
 *
 * @param path layer-relative, normalised: no leading "/" or "./", no trailing "/", no "." or ".."
 *     components; the empty string is the layer's root directory. Whiteout and opaque entries keep
 *     their marker path ({@code a/.wh.b}, {@code a/.wh..wh..opq}).
 * @param mode the 12 permission bits (setuid, setgid, sticky and rwx), without the type bits
 * @param size content size of a regular file (0 for other kinds)
 * @param linkTarget a symlink's target as written in the tar; for a hard link the normalised
 *     layer-relative path of the entry it links to; otherwise null. In a TOC, a hard link with
 *     {@code inRootfs} points at the entry owning its inode (never at another hard link) and
 *     carries that inode's mode, owner, mtime and xattrs; one without points at a lower path.
 * @param rdev makedev(major, minor) for character and block devices, else 0
 * @param xattrs extended attributes from PAX {@code SCHILY.xattr.*} records, name to raw value
 * @param inRootfs false when the entry has no counterpart in the extracted rootfs (a hard link
 *     whose target is in a lower layer, to be resolved by the union)
 */
public record LayerEntry(
    String path,
    EntryType type,
    int mode,
    int uid,
    int gid,
    long size,
    long mtimeSec,
    int mtimeNsec,
    String linkTarget,
    long rdev,
    Map<String, byte[]> xattrs,
    boolean inRootfs) {

  public LayerEntry {
    xattrs = xattrs == null ? Map.of() : Map.copyOf(xattrs);
  }

  /** Equality compares xattr values by content (a record would compare the arrays by identity). */
  @Override
  public boolean equals(Object o) {
    return o instanceof LayerEntry e
        && path.equals(e.path)
        && type == e.type
        && mode == e.mode
        && uid == e.uid
        && gid == e.gid
        && size == e.size
        && mtimeSec == e.mtimeSec
        && mtimeNsec == e.mtimeNsec
        && Objects.equals(linkTarget, e.linkTarget)
        && rdev == e.rdev
        && inRootfs == e.inRootfs
        && sameXattrs(xattrs, e.xattrs);
  }

  @Override
  public int hashCode() {
    return Objects.hash(path, type, mode, uid, gid, size, mtimeSec, mtimeNsec, linkTarget, rdev);
  }

  private static boolean sameXattrs(Map<String, byte[]> a, Map<String, byte[]> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (Map.Entry<String, byte[]> x : a.entrySet()) {
      if (!Arrays.equals(x.getValue(), b.get(x.getKey()))) {
        return false;
      }
    }
    return true;
  }

  /** The last path component ("" for the root). */
  public String name() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  /** The parent directory's path ("" for top-level entries and the root). */
  public String parentPath() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
