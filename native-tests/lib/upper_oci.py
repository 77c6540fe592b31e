#!/usr/bin/env python3
"""Rewrites an overlay upper dir in place into OCI layer form, so the upper dirs of kernel
overlayfs, fuse-overlayfs and jdock can be compared with treediff.

usage: upper_oci.py DIR

  whiteouts     char device 0/0 NAME (kernel, fuse-overlayfs as root)  -> empty file .wh.NAME
  opaque dirs   xattr trusted.overlay.opaque / user.overlay.opaque / user.fuseoverlayfs.opaque
                = "y"                                                  -> empty file .wh..wh..opq
  markers       every .wh.* file (whatever wrote it) ends up a file of its own (jdock links its
                markers to one shared file in its work dir, as kernel overlayfs shares one
                whiteout inode), mode 0644, owner 0:0, mtime 0; AUFS metadata (.wh..wh.* but
                the opaque marker) is removed
  bookkeeping   xattrs trusted.overlay.*, user.overlay.*, user.fuseoverlayfs.* are removed
Directories keep their mtimes. Needs root (trusted.* xattrs, chown).
"""

import os
import re
import stat
import sys

OPAQUE = b".wh..wh..opq"
OPAQUE_XATTRS = ("trusted.overlay.opaque", "user.overlay.opaque", "user.fuseoverlayfs.opaque")
BOOKKEEPING = re.compile(r"^(trusted\.overlay\.|user\.overlay\.|user\.fuseoverlayfs\.)")


def is_whiteout_device(st):
    return stat.S_ISCHR(st.st_mode) and st.st_rdev == 0


def marker(path):
    """Creates (or normalises) an OCI marker file at PATH, an inode of its own."""
    if os.path.lexists(path):
        os.unlink(path)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    os.close(fd)
    os.chown(path, 0, 0)
    os.chmod(path, 0o644)
    os.utime(path, ns=(0, 0))


def clean_xattrs(path):
    """Removes overlay bookkeeping xattrs; returns True when PATH was marked opaque."""
    opaque = False
    for name in os.listxattr(path, follow_symlinks=False):
        if not BOOKKEEPING.match(name):
            continue
        if name in OPAQUE_XATTRS:
            opaque |= os.getxattr(path, name, follow_symlinks=False) == b"y"
        os.removexattr(path, name, follow_symlinks=False)
    return opaque


def normalise_dir(path):
    st = os.lstat(path)
    for name in os.listdir(path):
        child = os.path.join(path, name)
        cst = os.lstat(child)
        if stat.S_ISDIR(cst.st_mode):
            normalise_dir(child)
        elif is_whiteout_device(cst):
            os.unlink(child)
            marker(os.path.join(path, b".wh." + name))
        elif name.startswith(b".wh..wh.") and name != OPAQUE:
            os.unlink(child)
        elif name.startswith(b".wh."):
            marker(child)
        else:
            clean_xattrs(child)
    if clean_xattrs(path):
        marker(os.path.join(path, OPAQUE))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns), follow_symlinks=False)


def main(argv):
    if len(argv) != 1 or not os.path.isdir(argv[0]):
        print(__doc__, file=sys.stderr)
        return 2
    normalise_dir(os.fsencode(argv[0]))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
