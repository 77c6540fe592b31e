# Where a jdock mount keeps its changes: an upper dir kept under the mount's name (by default made
# from the mountpoint) across umount and mount, or a user-chosen --upper dir; umount --discard
# drops it; jdock mounts lists what is mounted.

setup_file() {
  union_store_image jdock-small
  union_store_image jdock-test
}

test_changes_survive_umount_and_mount_at_the_same_place() {
  union_mount jdock-small mp
  echo changed >mp/hello.txt
  rm mp/dir/b
  assert_ok jdock umount mp
  union_assert_not_mounted mp
  # The default name comes from the mountpoint, so the same place finds the same upper dir.
  union_mount jdock-small mp
  assert_file_content mp/hello.txt $'changed\n'
  assert_dir_entries mp/dir c
  # Elsewhere, a fresh upper dir.
  union_mount jdock-small other
  assert_file_content other/hello.txt $'hello from jdock-small\n'
}

test_jdock_mounts_lists_name_image_mountpoint_upper_and_pid() {
  union_mount jdock-small a --name first
  union_mount jdock-small b --name second --read-only
  run jdock mounts
  assert_eq 0 "$status"
  assert_match "$(head -n 1 <<<"$output")" "^NAME +IMAGE +MOUNTPOINT +UPPER +PID$"
  local pid_a pid_b
  pid_a=$(union_server_pid a)
  pid_b=$(union_server_pid b)
  assert_match "$output" "first +jdock-small +$PWD/a +$JDOCK_ROOT/mounts/first/upper +$pid_a"
  assert_match "$output" "second +jdock-small +$PWD/b +- +$pid_b"
  assert_eq "$PWD/a"$'\n'"$PWD/b" "$(jdock mounts -q | sort)"
  assert_ok jdock umount first
  assert_eq "$PWD/b" "$(jdock mounts -q)"
}

test_upper_dir_of_the_users_choice() {
  mkdir my-upper
  union_mount jdock-small mp --upper "$PWD/my-upper"
  echo mine >mp/new.txt
  rm mp/dir/c
  assert_file_content my-upper/new.txt $'mine\n'
  assert_file my-upper/dir/.wh.c
  assert_eq "$PWD/my-upper" "$(jdock mounts --format '{{.Upper}}')"
  assert_ok jdock umount mp
  assert_file_content my-upper/new.txt $'mine\n'
  run jdock mount --read-only --upper "$PWD/my-upper" jdock-small mp
  assert_ne 0 "$status"
  assert_eq "conflicting options: --read-only and --upper" "$stderr"
  union_assert_not_mounted mp
}

test_umount_discard_drops_the_changes() {
  union_mount jdock-small mp --name scratch
  echo changed >mp/hello.txt
  assert_ok jdock umount --discard mp
  union_assert_not_mounted mp
  assert_not_exists "$JDOCK_ROOT/mounts/scratch"
  union_mount jdock-small mp --name scratch
  assert_file_content mp/hello.txt $'hello from jdock-small\n'
  # Also the changes of a mount that is not mounted now.
  echo again >mp/hello.txt
  assert_ok jdock umount scratch
  assert_ok jdock umount --discard scratch
  assert_not_exists "$JDOCK_ROOT/mounts/scratch"
}

test_a_name_keeps_its_image() {
  union_mount jdock-small mp --name kept
  echo changed >mp/hello.txt
  assert_ok jdock umount mp
  local id
  id=$(fx_image_id jdock-small)
  run jdock mount --name kept jdock-test mp
  assert_ne 0 "$status"
  assert_eq "Error: mount kept keeps changes made on image ${id:7:12}; mount that image, choose another --name, or discard them with 'jdock umount --discard kept'" "$stderr"
  union_assert_not_mounted mp
  assert_eq "" "$(union_servers)"
  union_mount jdock-small mp --name kept
  assert_file_content mp/hello.txt $'changed\n'
}

test_umount_of_what_is_not_mounted() {
  mkdir mp
  assert_fails_with "Error: no such mount: $PWD/mp" 1 jdock umount "$PWD/mp"
  assert_fails_with "Error: no such mount: nosuchname" 1 jdock umount nosuchname
  union_mount jdock-small mp --name once
  assert_ok jdock umount once
  assert_fails_with "Error: $PWD/mp is not mounted" 1 jdock umount once
}
