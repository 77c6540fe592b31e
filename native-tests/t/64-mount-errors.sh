# jdock mount refused: no such image, mountpoint missing / not a directory / already mounted, no
# /dev/fuse, no permission. Each time: one clear line on stderr, a non-zero exit, and nothing left
# behind (no mount, no mount-server process, no record `jdock mounts` would show).

setup_file() {
  union_store_image jdock-small
}

# records: the mount records of the store (they outlive their mounts, to keep upper dirs).
records() { { find "$JDOCK_ROOT/mounts" -name record.json 2>/dev/null || true; } | LC_ALL=C sort; }

# assert_mount_refused LINE CMD...: CMD exits non-zero with exactly LINE on stderr, nothing on
# stdout, and leaves no mount server, no active mount and no new record.
assert_mount_refused() {
  local line=$1 before
  shift
  before=$(records)
  run "$@"
  ((status != 0)) || fail "exit status 0"
  assert_eq "$line" "$stderr" "stderr"
  assert_eq "" "$output" "stdout"
  assert_eq "$before" "$(records)" "mount records"
  assert_eq "" "$(union_servers)" "mount servers left running"
  run jdock mounts -q
  assert_eq "" "$output" "active mounts"
}

test_no_such_image() {
  mkdir mp
  assert_mount_refused "Error: No such image: no-such-image" jdock mount no-such-image mp
  assert_mount_refused "Error: No such image: jdock-small:other" jdock mount jdock-small:other mp
  union_assert_not_mounted mp
}

test_mountpoint_missing() {
  assert_mount_refused "Error: mountpoint $PWD/missing does not exist" jdock mount jdock-small missing
}

test_mountpoint_not_a_directory() {
  echo file >file
  assert_mount_refused "Error: mountpoint $PWD/file is not a directory" jdock mount jdock-small file
  assert_file_content file $'file\n'
}

test_mountpoint_already_mounted() {
  union_mount jdock-small first --name first
  local pid
  pid=$(union_server_pid first)
  run jdock mount jdock-small first
  ((status != 0)) || fail "mounted twice"
  assert_eq "Error: mountpoint $PWD/first is already a mount point" "$stderr"
  assert_eq "$pid" "$(union_servers)" "the first mount's server, and no other"
  assert_eq "$PWD/first" "$(jdock mounts -q)"
  assert_file_content first/hello.txt $'hello from jdock-small\n'
  # Any other kind of mount too.
  mkdir tmpfs
  mount -t tmpfs tmpfs tmpfs
  defer umount tmpfs
  run jdock mount jdock-small tmpfs
  assert_eq "Error: mountpoint $PWD/tmpfs is already a mount point" "$stderr"
  # The same name elsewhere while it is mounted.
  mkdir second
  run jdock mount --name first jdock-small second
  assert_eq "Error: mount first is already mounted at $PWD/first" "$stderr"
  union_assert_not_mounted second
}

test_mountpoint_is_a_dead_jdock_mount() {
  union_mount jdock-small mp --name dead
  local pid
  pid=$(union_server_pid mp)
  kill -9 "$pid"
  union_await_gone "$pid"
  run jdock mount jdock-small mp
  ((status != 0)) || fail "mounted over a dead mount"
  assert_eq "Error: mountpoint $PWD/mp is a stale FUSE mount whose server has died; unmount it first" "$stderr"
  assert_eq "" "$(union_servers)" "mount servers left running"
  assert_ok jdock umount mp
  assert_ok jdock mount jdock-small mp
}

test_no_dev_fuse() {
  need unshare
  local before
  before=$(records)
  mkdir mp
  # A private /dev with what a JVM needs, and no fuse.
  run unshare -m --propagation private sh -c '
    mount -t tmpfs -o mode=755 tmpfs /dev &&
      mknod -m 666 /dev/null c 1 3 && mknod -m 666 /dev/zero c 1 5 &&
      mknod -m 666 /dev/random c 1 8 && mknod -m 666 /dev/urandom c 1 9 &&
      exec "$@"' sh "$NT_JDOCK" mount jdock-small mp
  ((status != 0)) || fail "mounted without /dev/fuse"
  assert_eq "Error: FUSE is not available: /dev/fuse does not exist (load the fuse kernel module)" "$stderr"
  assert_eq "" "$output" "stdout"
  assert_eq "" "$(union_servers)" "mount servers left running"
  assert_eq "$before" "$(records)" "mount records"
  assert_ok jdock mounts -q
  assert_eq "" "$output"
}

test_no_permission_for_a_non_root_user() {
  need fusermount3 unshare
  local uid gid store=$NT_CASE_DIR/user-store
  union_user jdock-mount-user
  uid=$(id -u jdock-mount-user)
  gid=$(id -g jdock-mount-user)
  union_traversable "$NT_CASE_DIR"
  cp "$NT_TOP/target/jdock.jar" jdock.jar
  union_store_image jdock-small "$store"
  chown -R "$uid:$gid" "$store"
  mkdir roots-dir
  union_fuse_ns_start
  run union_ns setpriv --reuid="$uid" --regid="$gid" --clear-groups --inh-caps=-all -- \
    env JDOCK_ROOT="$store" java -jar "$PWD/jdock.jar" mount jdock-small "$PWD/roots-dir"
  ((status != 0)) || fail "a user mounted on root's dir"
  assert_eq "Error: mounting on $PWD/roots-dir: fusermount3: user has no write access to mountpoint $PWD/roots-dir" "$stderr"
  run union_ns findmnt -n "$PWD/roots-dir"
  assert_eq "" "$output" "mounts on roots-dir"
  assert_eq "" "$(JDOCK_ROOT=$store union_servers)" "mount servers left running"
  assert_eq "" "$(find "$store/mounts" -name record.json)" "mount records"
}
