# `jdock overlay` stands in for fuse-overlayfs: the same command line over the same dirs gives the
# same merged view (lower dirs with overlayfs or OCI whiteouts), in the background (returns once
# mounted) or in the foreground (-f); unmounting it (umount, fusermount3 -u) ends its server.

setup_file() {
  fx_unpack jdock-test "$NT_CASE_DIR/bundle"
  UNPACKED=$NT_CASE_DIR/bundle/rootfs
  # The fixture's layers with overlayfs whiteouts (char 0/0, opaque xattr)...
  LOWERS=$(overlay_lowers jdock-test "$NT_CASE_DIR/layers")
  # ...and as plain extractions, OCI whiteout files (.wh.NAME, .wh..wh..opq) kept.
  local i n dest=$NT_CASE_DIR/oci-layers
  n=$(fx_layer_count jdock-test)
  OCI_LOWERS=""
  for ((i = 1; i <= n; i++)); do
    mkdir -p "$dest/$i"
    fx_layer_tar jdock-test "$i" "$dest/$i.tar"
    tar -C "$dest/$i" --numeric-owner --xattrs --xattrs-include='*' -xpf "$dest/$i.tar"
    _overlay_implicit_dirs "$dest" "$i"
    rm "$dest/$i.tar"
    OCI_LOWERS="$dest/$i${OCI_LOWERS:+:$OCI_LOWERS}"
  done
}

# overlay_jdock OPTIONS DIR: jdock overlay -o OPTIONS DIR (background), unmounted when the test ends.
overlay_jdock() {
  mkdir -p "$2"
  assert_ok jdock overlay -o "$1" "$2" || return 1
  defer union_umount_quietly "$2"
}

# overlay_fuse OPTIONS DIR: fuse-overlayfs -o OPTIONS DIR, unmounted when the test ends.
overlay_fuse() {
  mkdir -p "$2"
  fuse-overlayfs -o "$1" "$2" || { fail "fuse-overlayfs -o $1 failed"; return 1; }
  defer fusermount3 -uz "$2"
}

test_read_only_view_over_overlayfs_whiteouts_is_fuse_overlayfs_view() {
  overlay_jdock "lowerdir=$LOWERS" j
  overlay_fuse "lowerdir=$LOWERS" f
  assert_tree_same j f --dir-nlink
  # Both are the image as umoci unpacks it; the root is the top lower dir's.
  assert_tree_same j "$UNPACKED" --exclude . --dir-nlink
  assert_eq fuse.jdock "$(findmnt -n -o FSTYPE "$PWD/j")"
  run touch j/new
  assert_contains "$stderr" "Read-only file system"
}

test_read_only_view_over_oci_whiteouts_is_fuse_overlayfs_view() {
  # shellcheck disable=SC2086 # the lower dirs
  assert_ne "" "$(find ${OCI_LOWERS//:/ } -name '.wh.*' | head -n 1)" "OCI whiteout files in the lower dirs"
  overlay_jdock "lowerdir=$OCI_LOWERS" j
  overlay_fuse "lowerdir=$OCI_LOWERS" f
  assert_tree_same j f --dir-nlink
  assert_tree_same j "$UNPACKED" --exclude . --dir-nlink
  assert_eq "" "$(cd j && find . -name '.wh.*')" "whiteout names in the view"
}

writes() {
  echo more >>jdock-test/files/regular.txt
  rm -r jdock-test/opaque-first
  rm jdock-test/links/abs
  mkdir jdock-test/opaque-last.new && mv jdock-test/opaque-last/new1 jdock-test/opaque-last.new/
  rm -r jdock-test/redo-dir && mkdir jdock-test/redo-dir
  setfattr -n user.new -v 1 jdock-test/xattr/user.txt
}

test_read_write_over_oci_whiteouts_is_fuse_overlayfs_result() {
  mkdir -p ju jw fu fw
  overlay_jdock "lowerdir=$OCI_LOWERS,upperdir=$PWD/ju,workdir=$PWD/jw" j
  overlay_fuse "lowerdir=$OCI_LOWERS,upperdir=$PWD/fu,workdir=$PWD/fw" f
  sleep 1
  local t0
  t0=$(date +%s)
  (cd j && writes)
  (cd f && writes)
  # fuse-overlayfs does not keep mtimes of the dirs it copies up into (see 61-mount-writes).
  assert_tree_same j f --exclude . --ignore mtime
  union_upper_oci ju ju.oci
  union_upper_oci fu fu.oci
  # fuse-overlayfs also marks the dir it made opaque (redundant: no lower layer has it).
  assert_tree_same ju.oci fu.oci --exclude . --ignore mtime --exclude jdock-test/opaque-last.new/.wh..wh..opq
  assert_file ju/jdock-test/.wh.opaque-first
  assert_file ju/jdock-test/redo-dir/.wh..wh..opq
  # The workdir holds one file: the empty file the markers are hard links of (as kernel overlayfs
  # shares one whiteout inode in its workdir).
  assert_eq "whiteout" "$(ls -A jw)" "what jdock overlay keeps in the workdir"
  assert_same_inode jw/whiteout ju/jdock-test/.wh.opaque-first
  # The lower dirs are never written.
  # shellcheck disable=SC2086 # the lower dirs
  assert_eq "" "$(find ${OCI_LOWERS//:/ } -newermt "@$t0" | head -n 5)" "lower entries changed"
}

test_background_mode_returns_mounted_and_umount_ends_the_server() {
  local pid
  overlay_jdock "lowerdir=$LOWERS" j
  assert_eq "" "$output" "stdout of jdock overlay"
  assert_file_content j/jdock-test/files/regular.txt $'hello\n'
  pid=$(union_overlay_servers j)
  [[ -n $pid ]] || fail "no jdock overlay server for $PWD/j"
  umount j
  union_await_gone "$pid"
  union_assert_not_mounted j
  # The same with fusermount3 -u.
  overlay_jdock "lowerdir=$LOWERS" j
  pid=$(union_overlay_servers j)
  fusermount3 -u j
  union_await_gone "$pid"
  union_assert_not_mounted j
}

test_foreground_mode_serves_until_fusermount3_u() {
  mkdir j
  "$NT_JDOCK" overlay -f -o "lowerdir=$LOWERS" j >fg.out 2>&1 &
  local pid=$! i
  defer union_umount_quietly "$PWD/j"
  for ((i = 0; i < 300; i++)); do
    mountpoint -q j && break
    kill -0 "$pid" 2>/dev/null || { cat fg.out >&2; fail "jdock overlay -f exited"; }
    sleep 0.1
  done
  assert_file_content j/jdock-test/files/regular.txt $'hello\n'
  assert_eq java "$(cat "/proc/$pid/comm")" "the foreground process serves the mount"
  fusermount3 -u j
  local rc=0
  wait "$pid" || rc=$?
  assert_eq 0 "$rc" "exit status of jdock overlay -f"
  assert_eq "" "$(cat fg.out)" "output of jdock overlay -f"
  union_assert_not_mounted j
}

test_bad_command_lines_are_refused_and_leave_nothing() {
  mkdir j file-not-dir-parent
  assert_fails_with "fuse: no lowerdir specified" 1 jdock overlay -o "upperdir=$PWD/u" j
  assert_fails_with 'fuse: unknown mount option "bogus=1"' 1 jdock overlay -o "lowerdir=$LOWERS,bogus=1" j
  run jdock overlay -o "lowerdir=$PWD/no-such-lower" j
  assert_ne 0 "$status"
  assert_eq 1 "$(wc -l <"$stderr_file")" "lines on stderr: $stderr"
  assert_contains "$stderr" "$PWD/no-such-lower"
  run jdock overlay -o "lowerdir=$LOWERS" no-such-mountpoint
  assert_ne 0 "$status"
  assert_eq "Error: mountpoint $PWD/no-such-mountpoint does not exist" "$stderr"
  union_assert_not_mounted j
  assert_eq "" "$(union_overlay_servers j)$(union_overlay_servers no-such-mountpoint)" "servers left"
}
