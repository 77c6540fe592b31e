package io.jdock.union;

import java.util.Map;

/**
 * The attributes of an entry of a read-only lower layer, as its TOC (or a scan of a plain lower
 * directory) describes it; immutable for the life of a mount.
 *
 * @param mode type and permission bits
 * @param data absolute path of the file's content in the layer (regular files), else null
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
    String data) {}
