# Helpers of the mount tests (t/60-69): fixture images in the test's store, jdock mounts undone
# when the test ends, the servers behind them, kernel overlayfs with explicit write semantics,
# upper dirs in OCI form, and other users.
#
#   union_store_image jdock-test                     # the image in $JDOCK_ROOT
#   union_mount jdock-test "$NT_CASE_DIR/j"          # jdock mount (+ options), umount at the end
#   union_upper_oci k/upper k-upper                  # an overlayfs upper dir as an OCI layer

# union_store_image IMAGE [ROOT]: puts a fixture image into the store ROOT (default $JDOCK_ROOT)
# as docker.io/library/IMAGE:latest (the store is an OCI layout, so skopeo writes it).
union_store_image() {
  need skopeo || return 1
  local layout
  layout=$(fx_layout "$1") || return 1
  skopeo copy --quiet "oci:$layout:latest" "oci:${2:-$JDOCK_ROOT}:docker.io/library/$1:latest" >/dev/null
}

# union_mount IMAGE DIR [OPTION...]: jdock mount [OPTION...] IMAGE DIR (DIR is created); checks
# that it prints the mountpoint; the mount is undone when the test ends.
union_mount() {
  local image=$1 dir=$2
  shift 2
  mkdir -p "$dir"
  assert_ok jdock mount "$@" "$image" "$dir" || return 1
  assert_eq "$(readlink -f "$dir")" "$output" "jdock mount prints the mountpoint" || return 1
  defer union_umount_quietly "$dir"
}

# union_umount_quietly DIR: jdock umount DIR if it is still mounted (cleanup).
union_umount_quietly() {
  if mountpoint -q "$1" 2>/dev/null || [[ $(stat -f -c %T "$1" 2>&1) == *"not connected"* ]]; then
    jdock umount "$1" >/dev/null 2>&1 || umount -l "$1" 2>/dev/null || true
  fi
}

# union_server_pid MOUNTPOINT: the pid `jdock mounts` shows for the jdock mount at MOUNTPOINT.
union_server_pid() {
  local mp
  mp=$(readlink -f "$1")
  jdock mounts --format '{{.Pid}} {{.Mountpoint}}' | awk -v m="$mp" '{ pid = $1; sub(/^[0-9]+ /, "") } $0 == m { print pid }'
}

# union_servers: the pids of mount servers of this test's store (jdock mount-server processes).
union_servers() {
  local pid args
  for pid in $(pgrep -x java); do
    args=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || continue
    [[ $args == *" io.jdock.cli.Main --root $JDOCK_ROOT mount-server "* ]] && echo "$pid"
  done
  return 0
}

# union_overlay_servers MOUNTPOINT: the pids of `jdock overlay` servers of MOUNTPOINT.
union_overlay_servers() {
  local pid args mp
  mp=$(readlink -f "$1")
  for pid in $(pgrep -x java); do
    args=$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null) || continue
    [[ $args == *" io.jdock.cli.Main overlay "* && " $args " == *" $mp "* ]] && echo "$pid"
  done
  return 0
}

# union_await_gone PID...: waits (up to 30 s) until the processes have exited and been reaped. A
# zombie still counts: Java's ProcessHandle.isAlive() is true for one, so jdock sees it as a
# running server until init reaps it (which can take seconds in a container).
union_await_gone() {
  local i pid alive
  for ((i = 0; i < 300; i++)); do
    alive=""
    for pid; do
      [[ -d /proc/$pid ]] && alive+=" $pid"
    done
    [[ -z $alive ]] && return 0
    sleep 0.1
  done
  fail "processes still running after 30s:$alive"
}

# union_assert_not_mounted DIR: nothing is mounted on DIR.
union_assert_not_mounted() {
  local mp
  mp=$(readlink -f "$1")
  if awk -v d="$mp" '$5 == d { found = 1 } END { exit !found }' /proc/self/mountinfo; then
    fail "$1 is still a mount point: $(findmnt -n "$mp")"
  fi
}

# union_mount_kernel LOWERS DIR: kernel overlayfs on DIR/merged with DIR/upper and DIR/work, like
# overlay_mount_kernel rw, with the features that decide write semantics set explicitly:
# index=off (a copy-up breaks hard links), redirect_dir=off (renaming a merged dir is EXDEV),
# metacopy=off.
union_mount_kernel() {
  local lowers=$1 dir=$2
  mkdir -p "$dir/merged" "$dir/upper" "$dir/work"
  mount -t overlay overlay \
    -o "lowerdir=$lowers,upperdir=$dir/upper,workdir=$dir/work,index=off,redirect_dir=off,metacopy=off" \
    "$dir/merged" || { fail "kernel overlay mount failed"; return 1; }
  defer umount -l "$dir/merged"
}

# union_upper_oci UPPER DEST: a copy of an upper dir rewritten into OCI form (lib/upper_oci.py:
# whiteouts as .wh.NAME files, opaque dirs with .wh..wh..opq, no overlay bookkeeping xattrs).
union_upper_oci() {
  need python3 || return 1
  cp -a "$1" "$2" && "$NT_PYTHON" "$NT_LIB/upper_oci.py" "$2"
}

# union_layer_tar DIR TAR: DIR as a layer tar (GNU tar, pax, numeric owners, xattrs, sorted names
# without "./").
union_layer_tar() {
  local names
  mapfile -t names < <(cd "$1" && ls -A)
  tar -C "$1" --numeric-owner --xattrs --xattrs-include='*' --format=pax \
    --pax-option=delete=atime,delete=ctime --sort=name -cf "$2" -- "${names[@]}"
}

# union_unpack_with_layer IMAGE TAR DEST: `umoci unpack` into DEST of the fixture IMAGE with TAR
# added as its top layer (umoci raw add-layer into a copy of the layout).
union_unpack_with_layer() {
  need umoci || return 1
  local layout
  layout=$(fx_layout "$1") || return 1
  rm -rf "$3.layout"
  cp -a "$layout" "$3.layout"
  umoci raw add-layer --image "$3.layout:latest" "$2" &&
    umoci unpack --image "$3.layout:latest" "$3" >/dev/null
}

# union_user NAME: creates the user NAME with its own group, removed when the test ends (call it
# directly, not in $(...): the removal is deferred by the test's shell).
union_user() {
  userdel "$1" >/dev/null 2>&1 || true
  useradd -M -d /nonexistent -s /bin/sh "$1" || { fail "useradd $1 failed"; return 1; }
  defer userdel "$1"
}

# union_as UID GID CMD...: runs CMD with that uid and gid, no supplementary groups, no capabilities.
union_as() {
  local uid=$1 gid=$2
  shift 2
  setpriv --reuid="$uid" --regid="$gid" --clear-groups --inh-caps=-all -- "$@"
}

# union_traversable DIR: every dir from / down to DIR can be searched by other users (test dirs are
# made 0700 by mktemp).
union_traversable() {
  local d
  d=$(readlink -f "$1")
  while [[ $d != / ]]; do
    chmod o+x "$d"
    d=$(dirname "$d")
  done
}

# union_fuse_ns_start: a mount namespace, held by a sleeping process until the test ends, where
# /dev/fuse can be opened by every user (the machine's node may be root-only); union_ns CMD...
# runs CMD in it. Mounts made in it are seen only there.
union_fuse_ns_start() {
  mknod -m 0666 "$NT_CASE_DIR/.fuse" c 10 229 || return 1
  unshare -m --propagation private sleep infinity &
  UNION_NS_PID=$!
  defer kill "$UNION_NS_PID"
  local i
  for ((i = 0; i < 50; i++)); do
    [[ $(readlink "/proc/$UNION_NS_PID/ns/mnt") != "$(readlink /proc/self/ns/mnt)" ]] && break
    sleep 0.1
  done
  union_ns mount --bind "$NT_CASE_DIR/.fuse" /dev/fuse
}
union_ns() { nsenter -t "$UNION_NS_PID" -m -- "$@"; }
