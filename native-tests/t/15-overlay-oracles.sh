# The oracles agree: kernel overlayfs and fuse-overlayfs on the fixture's layers (lib/overlay.sh)
# show the tree `umoci unpack` makes. Mount tests of jdock compare with all three.

setup_file() {
  fx_unpack jdock-test "$NT_CASE_DIR/bundle"
  UNPACKED=$NT_CASE_DIR/bundle/rootfs
  LOWERS=$(overlay_lowers jdock-test "$NT_CASE_DIR/layers")
}

test_layers_carry_overlayfs_whiteouts() {
  local top=${LOWERS%%:*}
  [[ -c $top/../4/jdock-test/gone-dir ]] || fail "layer 4: gone-dir is not a whiteout device"
  assert_eq 0:0 "$(stat -c '%t:%T' "$top/../4/jdock-test/gone-dir")"
  assert_xattr "$top/jdock-test/opaque-last" trusted.overlay.opaque y
  assert_eq "" "$(find "$NT_CASE_DIR/layers" -name '.wh.*')" "OCI whiteout files left in the layers"
}

test_kernel_overlayfs_shows_the_unpacked_tree() {
  overlay_mount_kernel "$LOWERS" k
  # The mount point's own attributes are the mount's; pair-a: the kernel reports the lower
  # inode's link count (2: pair-b is hidden by a whiteout, not gone), umoci's tree has 1.
  assert_tree_same k/merged "$UNPACKED" --exclude . --ignore nlink
  assert_nlink k/merged/jdock-test/links/pair-a 2
  assert_nlink k/merged/jdock-test/links/target.txt 3
}

test_fuse_overlayfs_shows_the_unpacked_tree() {
  overlay_mount_fuse "$LOWERS" f
  assert_tree_same f/merged "$UNPACKED" --exclude .
}

test_kernel_overlayfs_writes_whiteouts_and_copies_up() {
  overlay_mount_kernel "$LOWERS" k rw
  rm k/merged/jdock-test/files/regular.txt
  echo more >>k/merged/jdock-test/links/hard1
  [[ -c k/upper/jdock-test/files/regular.txt ]] || fail "no whiteout in the upper dir"
  assert_file_content k/upper/jdock-test/links/hard1 $'hard-linked content\nmore\n'
  assert_not_exists k/merged/jdock-test/files/regular.txt
}
