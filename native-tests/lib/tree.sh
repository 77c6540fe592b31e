# Directory tree comparison (lib/treediff.py): the oracle check of a mounted image against
# `umoci unpack`, kernel overlayfs or fuse-overlayfs.

# assert_tree_same A B [treediff options...]: A and B hold the same entries with the same type,
# mode, owner, size, content, symlink target, rdev, mtime, xattrs, link count and hard-link
# groups; prints each difference. Options: --ignore FIELD, --exclude GLOB, --ignore-xattr REGEX,
# --mtime-seconds, --mtime-since EPOCH, --dir-nlink (see treediff.py).
assert_tree_same() {
  need python3 || return 1
  local a=$1 b=$2 out
  shift 2
  out=$("$NT_PYTHON" "$NT_LIB/treediff.py" "$@" "$a" "$b" 2>&1) && return 0
  sed -n 1,80p <<<"$out" >&2
  fail "trees differ: $a vs $b"
}

# tree_list DIR [treediff options...]: one line per entry with every compared field.
tree_list() { "$NT_PYTHON" "$NT_LIB/treediff.py" --list "$@"; }
