# The fixture image jdock-test:latest holds what lib/fixtures.sh says it holds: checked on
# `umoci unpack` (the oracle mount tests compare jdock with) and on the raw layer tars.

setup_file() {
  fx_unpack jdock-test "$NT_CASE_DIR/bundle"
  R=$NT_CASE_DIR/bundle/rootfs
  T=$R/jdock-test
}

# layer_names N: the entry names of layer N of jdock-test, one per line.
layer_names() {
  fx_layer_tar jdock-test "$1" layer.tar
  tar -tf layer.tar --quoting-style=literal
}

test_five_layers_with_history() {
  assert_eq 5 "$(fx_layer_count jdock-test)" "layer count"
  run jq -r '.history[].created_by' "$(fx_inspect jdock-test oci-layout config)"
  assert_line "$output" "debootstrap --variant=minbase bookworm"
  assert_line "$output" "mklayers.py test-l5-recreate"
}

test_config_has_cmd_env_workdir_and_labels() {
  local c
  c=$(fx_inspect jdock-test oci-layout config)
  assert_eq '["/bin/bash"]' "$(jq -c .config.Cmd "$c")"
  assert_eq /jdock-test "$(jq -r .config.WorkingDir "$c")"
  assert_eq jdock-test "$(jq -r '.config.Labels["org.jdock.fixture"]' "$c")"
  assert_line "$(jq -r '.config.Env[]' "$c")" "JDOCK_FIXTURE=jdock-test"
  assert_eq amd64/linux "$(jq -r '.architecture + "/" + .os' "$c")"
}

test_layer1_is_a_debian_bookworm_root() {
  assert_line "$(cat "$R/etc/os-release")" "VERSION_CODENAME=bookworm"
  assert_symlink "$R/bin" usr/bin
  assert_file "$R/usr/bin/bash"
  [[ -c $R/dev/null ]] || fail "/dev/null is not a char device"
  assert_eq 1:3 "$(stat -c '%t:%T' "$R/dev/null")" "major:minor of /dev/null (hex)"
  assert_contains "$(layer_names 1)" "etc/motd"
  assert_not_contains "$(layer_names 1)" "./" "layer 1 names have no ./ prefix"
}

test_layer2_made_by_umoci_repack_deletes_and_adds() {
  local names
  names=$(layer_names 2)
  assert_line "$names" "etc/.wh.motd"
  assert_line "$names" "usr/share/doc/.wh.bash"
  assert_not_exists "$R/etc/motd"
  assert_not_exists "$R/usr/share/doc/bash"
  assert_dir "$R/usr/share/doc/apt"
  assert_eq "jdock-test fixture" "$(tail -n 1 "$R/etc/issue")"
  assert_file_content "$R/etc/jdock-release" $'jdock-test 1\n'
  assert_xattr "$R/etc/jdock-release" user.jdock.repack from-setfattr
  assert_symlink "$R/etc/jdock-release.link" jdock-release
  assert_eq "$T/repack/cap-true cap_net_bind_service=ep" "$(getcap "$T/repack/cap-true")"
  assert_eq $((8 << 20)) "$(stat -c %s "$T/repack/mostly-zeros.bin")"
  assert_eq start "$(head -c 5 "$T/repack/mostly-zeros.bin")"
  assert_eq end "$(tail -c 4 "$T/repack/mostly-zeros.bin" | head -c 3)"
}

test_regular_files_keep_content_modes_and_owners() {
  assert_file_content "$T/files/regular.txt" $'hello\n'
  assert_file_content "$T/files/empty" ""
  assert_mode "$T/files/exec.sh" 755
  assert_mode "$T/files/owned" 640
  assert_owner "$T/files/owned" 1000:1000
  assert_mode "$T/files/mode000" 0
}

test_setuid_setgid_and_sticky_bits() {
  assert_mode "$T/perms/setuid" 4755
  assert_mode "$T/perms/setgid" 2755
  assert_mode "$T/perms/setgid-dir" 2775
  assert_owner "$T/perms/setgid-dir" 0:50
  assert_mode "$T/perms/sticky-dir" 1777
  assert_owner "$T/perms/sticky-dir/inside" 1000:1000
}

test_hard_links_share_one_inode() {
  assert_same_inode "$T/links/target.txt" "$T/links/hard1"
  assert_same_inode "$T/links/target.txt" "$T/other/hard2"
  assert_nlink "$T/links/target.txt" 3
  # pair-b was deleted in layer 4: an extracted tree has one name left.
  assert_nlink "$T/links/pair-a" 1
  assert_line "$(layer_names 3)" "jdock-test/other/hard2"
}

test_symlinks_absolute_relative_dangling_and_long() {
  assert_symlink "$T/links/abs" /etc/os-release
  assert_symlink "$T/links/rel" ../files/regular.txt
  assert_file_content "$T/links/rel" $'hello\n'
  assert_symlink "$T/links/dangling" nowhere/missing
  assert_not_exists "$T/links/nowhere/missing"
  assert_symlink "$T/links/dirlink" ../files
  assert_file_content "$T/links/long-target" $'long name\n'
  (($(readlink "$T/links/long-target" | wc -c) > 100)) || fail "long-target's target is not over 100 bytes"
}

test_fifo() {
  assert_fifo "$T/special/fifo"
  assert_mode "$T/special/fifo" 644
}

test_xattrs_on_files_and_dirs_and_a_file_capability() {
  assert_xattr "$T/xattr/user.txt" user.jdock.test "hello xattr"
  assert_xattr "$T/xattr/user.txt" user.jdock.second 2
  assert_xattr "$T/xattr" user.jdock.dir dir-value
  assert_eq "$T/xattr/cap-bin cap_net_raw=ep" "$(getcap "$T/xattr/cap-bin")"
}

test_long_and_unicode_names() {
  local long deep
  long=$(cd "$T/longnames" && ls -d a-file-name-*)
  ((${#long} > 100)) || fail "long name is ${#long} bytes"
  deep=$(cd "$T" && find longnames -name deep.txt)
  (($(printf '%s' "jdock-test/$deep" | wc -c) > 255)) || fail "nested path is not over 255 bytes"
  assert_file_content "$T/$deep" $'deep\n'
  assert_file_content "$T/unicode/héllo wörld.txt" $'accents and a space\n'
  assert_file_content "$T/unicode/日本語/ファイル.txt" $'japanese\n'
  assert_file "$T/unicode/emoji-🐳.txt"
}

test_whiteouts_hide_files_dirs_and_links() {
  local names
  names=$(layer_names 4)
  assert_line "$names" "jdock-test/gone/.wh.file.txt"
  assert_line "$names" "jdock-test/.wh.gone-dir"
  assert_dir_entries "$T/gone" kept.txt added-with-whiteout.txt
  assert_not_exists "$T/gone-dir"
  assert_dir_entries "$T/other" hard2
  assert_not_exists "$T/links/deleted-link"
}

test_a_deleted_then_recreated_dir_shows_only_new_entries() {
  assert_line "$(layer_names 4)" "jdock-test/.wh.redo-dir"
  assert_dir_entries "$T/redo-dir" new-a
  assert_mode "$T/redo-dir" 755
}

test_opaque_dirs_hide_lower_entries_wherever_the_marker_is() {
  local names first last
  names=$(layer_names 5)
  first=$(grep -m 1 '^jdock-test/opaque-first/.' <<<"$names")
  last=$(grep '^jdock-test/opaque-last/.' <<<"$names" | tail -n 1)
  assert_eq jdock-test/opaque-first/.wh..wh..opq "$first" "first entry in opaque-first/ of layer 5"
  assert_eq jdock-test/opaque-last/.wh..wh..opq "$last" "last entry in opaque-last/ of layer 5"
  assert_dir_entries "$T/opaque-first" new1 shared
  assert_dir_entries "$T/opaque-last" new1 shared
  assert_file_content "$T/opaque-last/shared" $'new shared\n'
}

test_a_file_modified_in_a_later_layer() {
  assert_file_content "$T/files/modified.txt" $'version 2, longer than version 1\n'
  assert_mode "$T/files/modified.txt" 600
}

test_type_changes_between_layers() {
  assert_dir_entries "$T/replace/file-to-dir" child
  assert_file_content "$T/replace/dir-to-file" $'was a dir\n'
  assert_symlink "$T/replace/file-to-symlink" ../files/regular.txt
}

test_no_whiteout_marker_is_left_in_the_tree() {
  assert_eq "" "$(find "$R" -name '.wh.*')"
}

test_the_small_image() {
  fx_unpack jdock-small small
  assert_dir_entries small/rootfs hello.txt etc dir
  assert_dir_entries small/rootfs/dir b c
  assert_file_content small/rootfs/hello.txt $'hello from jdock-small\n'
  assert_eq 2 "$(fx_layer_count jdock-small)"
}

test_the_mirror_is_the_one_apt_uses() {
  printf '%s\n' "Types: deb" "URIs: http://sec.example/debian-security" "Suites: bookworm-security" \
    "Components: main" "" "# a comment" "Types: deb-src deb" "URIs: http://mirror.example/debian" \
    "Suites: bookworm bookworm-updates" >deb822
  printf '%s\n' "# deb http://old.example/debian bookworm main" \
    "deb [arch=amd64 signed-by=/k.gpg] http://list.example/debian bookworm main" >list
  assert_eq http://mirror.example/debian "$(NT_APT_SOURCES=deb822 NT_APT_LIST=list fx_mirror)"
  assert_eq http://list.example/debian "$(NT_APT_SOURCES=none NT_APT_LIST=list fx_mirror)"
  assert_eq http://deb.debian.org/debian "$(NT_APT_SOURCES=none NT_APT_LIST=none fx_mirror)"
  assert_eq http://env.example "$(JDOCK_TEST_MIRROR=http://env.example fx_mirror)"
}
