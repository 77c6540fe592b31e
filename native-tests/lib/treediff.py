#!/usr/bin/env python3
"""Compares two directory trees entry by entry and prints every difference.

usage: treediff.py [options] A B      exit 0: same, 1: differences (printed), 2: error
       treediff.py --list [options] A print A's entries, one line each (for debugging)

Fields compared per entry (relative path, symlinks never followed):
  type    file, dir, symlink, fifo, socket, chardev, blockdev
  mode    permission bits incl. setuid/setgid/sticky (octal)
  uid gid numeric owner
  size    regular files and symlinks only (directory sizes are filesystem-specific)
  content sha256 of a regular file's bytes
  target  symlink target
  rdev    major:minor of device nodes
  mtime   seconds.nanoseconds (--mtime-seconds compares whole seconds only)
  xattrs  every name=value (security.selinux ignored; --ignore-xattr REGEX to ignore more)
  nlink   link count (files; directories only with --dir-nlink)
  links   hard-link group: the other paths of the tree that share the entry's inode
Options:
  --ignore FIELD       do not compare FIELD (repeatable)
  --exclude GLOB       skip paths matching GLOB (fnmatch on the relative path, repeatable);
                       a skipped directory is skipped with everything below it, but for
                       the root: --exclude . skips only the root's own attributes
  --ignore-xattr REGEX ignore xattrs whose name matches (repeatable)
  --mtime-seconds      compare mtimes to the second
  --mtime-since EPOCH  mtimes at or after EPOCH (seconds; set while a test ran) all count as
                       equal ("new"); older ones are compared as usual
  --dir-nlink          compare st_nlink of directories too
"""

import argparse
import fnmatch
import hashlib
import os
import re
import stat
import sys

FIELDS = ["type", "mode", "uid", "gid", "size", "content", "target", "rdev", "mtime", "xattrs",
          "nlink", "links"]
TYPES = {stat.S_IFREG: "file", stat.S_IFDIR: "dir", stat.S_IFLNK: "symlink", stat.S_IFIFO: "fifo",
         stat.S_IFSOCK: "socket", stat.S_IFCHR: "chardev", stat.S_IFBLK: "blockdev"}


def show(path):
    return path.decode("utf-8", "backslashreplace") if isinstance(path, bytes) else path


def sha256_file(path):
    h = hashlib.sha256()
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW)
    try:
        while chunk := os.read(fd, 1 << 20):
            h.update(chunk)
    finally:
        os.close(fd)
    return h.hexdigest()


def xattrs(path, ignore):
    try:
        names = os.listxattr(path, follow_symlinks=False)
    except OSError:
        return ""
    out = []
    for name in sorted(names):
        if any(r.search(name) for r in ignore):
            continue
        try:
            value = os.getxattr(path, name, follow_symlinks=False)
        except OSError as e:
            value = f"<{e.strerror}>".encode()
        out.append(f"{name}={value.hex() if not value.isascii() else value.decode()!r}")
    return ",".join(out)


def walk(root, excludes):
    """Yields (relative path as str, absolute path as bytes, lstat) for root and all below."""
    root_b = os.fsencode(root)
    stack = [b""]
    while stack:
        rel = stack.pop()
        rel_s = os.fsdecode(rel) or "."
        if rel and any(fnmatch.fnmatchcase(rel_s, g) for g in excludes):
            continue
        full = os.path.join(root_b, rel) if rel else root_b
        st = os.lstat(full)
        if rel or not any(fnmatch.fnmatchcase(".", g) for g in excludes):
            yield rel_s, full, st
        if stat.S_ISDIR(st.st_mode):
            for name in sorted(os.listdir(full), reverse=True):
                stack.append(os.path.join(rel, name) if rel else name)


def scan(root, args):
    entries, inodes = {}, {}
    ignore = [re.compile(r) for r in args.ignore_xattr]
    for rel, full, st in walk(root, args.exclude):
        typ = TYPES.get(stat.S_IFMT(st.st_mode), "unknown")
        e = {"type": typ, "mode": "%04o" % stat.S_IMODE(st.st_mode), "uid": st.st_uid,
             "gid": st.st_gid}
        if typ in ("file", "symlink"):
            e["size"] = st.st_size
        if typ == "file" and "content" not in args.ignore:
            e["content"] = sha256_file(full)
        if typ == "symlink":
            e["target"] = show(os.readlink(full))
        if typ in ("chardev", "blockdev"):
            e["rdev"] = f"{os.major(st.st_rdev)}:{os.minor(st.st_rdev)}"
        if args.mtime_since is not None and st.st_mtime_ns >= args.mtime_since * 10**9:
            e["mtime"] = "new"
        else:
            e["mtime"] = (str(st.st_mtime_ns // 10**9) if args.mtime_seconds
                          else "%d.%09d" % divmod(st.st_mtime_ns, 10**9))
        if "xattrs" not in args.ignore:
            e["xattrs"] = xattrs(full, ignore)
        if typ != "dir" or args.dir_nlink:
            e["nlink"] = st.st_nlink
        if typ != "dir":
            inodes.setdefault((st.st_dev, st.st_ino), []).append(rel)
            e["_ino"] = (st.st_dev, st.st_ino)
        entries[rel] = e
    for e in entries.values():
        if "_ino" in e:
            e["links"] = " ".join(sorted(p for p in inodes[e.pop("_ino")]))
    return entries


def describe(e, args):
    return " ".join(f"{k}={e[k]}" for k in FIELDS if k in e and k not in args.ignore)


def main(argv):
    p = argparse.ArgumentParser(add_help=True, usage=__doc__)
    p.add_argument("--list", action="store_true")
    p.add_argument("--ignore", action="append", default=[], choices=FIELDS)
    p.add_argument("--exclude", action="append", default=[])
    p.add_argument("--ignore-xattr", action="append", default=[r"^security\.selinux$"])
    p.add_argument("--mtime-seconds", action="store_true")
    p.add_argument("--mtime-since", type=int)
    p.add_argument("--dir-nlink", action="store_true")
    p.add_argument("trees", nargs="+")
    args = p.parse_args(argv)
    for t in args.trees:
        if not os.path.isdir(t):
            print(f"treediff: not a directory: {t}", file=sys.stderr)
            return 2
    if args.list:
        for rel, e in sorted(scan(args.trees[0], args).items()):
            print(f"{rel} {describe(e, args)}")
        return 0
    if len(args.trees) != 2:
        p.error("two trees to compare")
    a, b = (scan(t, args) for t in args.trees)
    diffs = 0
    for rel in sorted(set(a) | set(b)):
        if rel not in b:
            print(f"only in A: {rel} ({a[rel]['type']})")
        elif rel not in a:
            print(f"only in B: {rel} ({b[rel]['type']})")
        else:
            bad = [k for k in FIELDS if k not in args.ignore and a[rel].get(k) != b[rel].get(k)]
            if not bad:
                continue
            print(f"{rel}: " + "; ".join(f"{k} {a[rel].get(k, '-')} != {b[rel].get(k, '-')}" for k in bad))
        diffs += 1
    if diffs:
        print(f"{diffs} entries differ between A={args.trees[0]} and B={args.trees[1]}")
    return 1 if diffs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
