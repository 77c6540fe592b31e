# jdock mount shows an image exactly as `umoci unpack` extracts it: every entry's type, mode,
# owner, size, content, mtime, symlink target, device numbers, xattrs, hard-link groups and link
# counts (directories too); read-write, --read-only, and for a non-root user through fusermount3.

setup_file() {
  union_store_image jdock-test
  union_store_image jdock-small
  fx_unpack jdock-test "$NT_CASE_DIR/test-bundle"
  fx_unpack jdock-small "$NT_CASE_DIR/small-bundle"
  TEST_ROOTFS=$NT_CASE_DIR/test-bundle/rootfs
  SMALL_ROOTFS=$NT_CASE_DIR/small-bundle/rootfs
}

test_jdock_test_is_the_unpacked_image_entry_by_entry() {
  union_mount jdock-test j
  # The mount's root included: a fresh upper dir takes the image root's attributes.
  assert_tree_same j "$TEST_ROOTFS" --dir-nlink
  # What the comparison covers, seen on a few entries (so that it cannot pass on two empty trees).
  assert_nlink j/jdock-test/links/target.txt 3
  assert_same_inode j/jdock-test/links/target.txt j/jdock-test/other/hard2
  assert_nlink j/jdock-test/links/pair-a 1
  assert_owner j/jdock-test/files/owned 1000:1000
  assert_mode j/jdock-test/perms/setuid 4755
  assert_xattr j/jdock-test/xattr/user.txt user.jdock.test "hello xattr"
  assert_eq "j/jdock-test/xattr/cap-bin cap_net_raw=ep" "$(getcap j/jdock-test/xattr/cap-bin)"
  assert_eq 1:3 "$(stat -c '%t:%T' j/dev/null)" "device numbers of /dev/null"
  assert_dir_entries j/jdock-test/redo-dir new-a
  assert_dir_entries j/jdock-test/opaque-last new1 shared
  assert_not_exists j/etc/motd
  assert_eq 2024-01-02T03:04:05Z "$(TZ=UTC stat -c %y j/jdock-test/files/regular.txt | cut -c1-19 | tr ' ' T)Z"
}

test_jdock_small_is_the_unpacked_image() {
  union_mount jdock-small s
  assert_tree_same s "$SMALL_ROOTFS" --dir-nlink
  assert_dir_entries s hello.txt etc dir
  assert_dir_entries s/dir b c
}

test_a_mount_changes_nothing_until_written() {
  union_mount jdock-small s --name small-view
  local upper
  upper=$(jdock mounts --format '{{.Name}} {{.Upper}}' | awk '$1 == "small-view" { print $2 }')
  assert_dir "$upper"
  cat s/hello.txt s/etc/os-release >/dev/null
  ls -lR s >/dev/null
  assert_eq "" "$(ls -A "$upper")" "the upper dir after reads"
}

test_read_only_mount_is_the_unpacked_image_and_refuses_writes() {
  union_mount jdock-test r --read-only --name ro-view
  assert_tree_same r "$TEST_ROOTFS" --dir-nlink
  assert_eq "ro-view -" "$(jdock mounts --format '{{.Name}} {{.Upper}}')" "jdock mounts shows no upper dir"
  run touch r/new-file
  assert_eq 1 "$status"
  assert_contains "$stderr" "Read-only file system"
  run sh -c 'echo more >>r/jdock-test/files/regular.txt'
  assert_contains "$stderr" "Read-only file system"
  run rm r/jdock-test/files/regular.txt
  assert_contains "$stderr" "Read-only file system"
  run mkdir r/jdock-test/newdir
  assert_contains "$stderr" "Read-only file system"
  run setfattr -n user.x -v y r/jdock-test/files/regular.txt
  assert_contains "$stderr" "Read-only file system"
  assert_contains "$(findmnt -n -o OPTIONS "$(readlink -f r)")" "ro"
  assert_tree_same r "$TEST_ROOTFS" --dir-nlink
}

test_non_root_user_mounts_through_fusermount3_and_sees_the_image_owners() {
  need fusermount3 unshare
  local uid gid store=$NT_CASE_DIR/user-store mp=$NT_CASE_DIR/user-mnt
  union_user jdock-mount-user
  uid=$(id -u jdock-mount-user)
  gid=$(id -g jdock-mount-user)
  union_traversable "$NT_CASE_DIR"
  # The user runs a copy of the jar: the checkout may not be readable by other users.
  cp "$NT_TOP/target/jdock.jar" "$NT_CASE_DIR/jdock.jar"
  union_store_image jdock-test "$store"
  mkdir "$mp"
  chown -R "$uid:$gid" "$store" "$mp"
  union_fuse_ns_start
  local as_user=(union_ns setpriv --reuid="$uid" --regid="$gid" --clear-groups --inh-caps=-all --
    env JDOCK_ROOT="$store" HOME="$NT_CASE_DIR")
  local jdock_jar=(java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -jar "$NT_CASE_DIR/jdock.jar")
  run "${as_user[@]}" "${jdock_jar[@]}" mount jdock-test "$mp"
  assert_eq 0 "$status" "jdock mount as $uid"
  defer union_ns env JDOCK_ROOT="$store" "${jdock_jar[@]}" umount "$mp"
  assert_eq "$mp" "$output"
  run union_ns findmnt -n -o FSTYPE,OPTIONS "$mp"
  assert_contains "$output" "fuse.jdock"
  assert_contains "$output" "user_id=$uid"
  # The server runs as the user; files the user extracted are theirs, the mount shows root's.
  pid=$(JDOCK_ROOT=$store union_server_pid "$mp")
  assert_eq "$uid" "$(stat -c %u "/proc/$pid")" "owner of the mount server"
  assert_eq "$uid" "$(find "$store" -path '*/etc/os-release' -printf '%U\n' | sort -u)" "owner of extracted files"
  run "${as_user[@]}" stat -c '%u:%g %a' "$mp/etc/shadow" "$mp/jdock-test/files/owned"
  assert_output "0:42 640" "1000:1000 640"
  # Entry by entry, read with the user's credentials plus the right to read everything.
  run union_ns setpriv --reuid="$uid" --regid="$gid" --clear-groups \
    --inh-caps=+dac_override,+dac_read_search --ambient-caps=+dac_override,+dac_read_search -- \
    "$NT_PYTHON" "$NT_LIB/treediff.py" --dir-nlink "$mp" "$TEST_ROOTFS"
  [[ $status == 0 ]] || fail "the user's mount differs from umoci unpack"
  # Permissions are enforced as the image has them: the user cannot read root's 0640 file.
  run "${as_user[@]}" cat "$mp/etc/shadow"
  assert_contains "$stderr" "Permission denied"
  # The user's writes: a copy-up of a root-owned file keeps it root-owned in the mount.
  assert_ok "${as_user[@]}" sh -c "echo mine >$mp/tmp/mine.txt"
  run "${as_user[@]}" stat -c '%u:%g %a' "$mp/tmp/mine.txt" "$mp/tmp"
  assert_output "$uid:$gid 644" "0:0 1777"
  # The upper copy of /tmp is the user's; the owner and mode the mount shows are kept in an xattr
  # of jdock's own, which the mount never shows.
  assert_eq "$uid" "$(stat -c %u "$store"/mounts/*/upper/tmp)" "real owner of the upper /tmp"
  run "${as_user[@]}" getfattr -h -d -m - "$mp/tmp" "$mp/tmp/mine.txt"
  assert_eq "" "$output" "xattrs of /tmp in the mount"
}
