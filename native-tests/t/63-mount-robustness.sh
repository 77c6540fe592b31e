# A jdock mount when things go wrong: its server is stopped (SIGTERM, SIGINT) or killed (kill -9,
# also in the middle of a copy-up or a big write), and when many processes use it at once.

setup_file() {
  union_store_image jdock-test
  union_store_image jdock-small
}

# assert_no_jdock_mount DIR: nothing mounted on DIR, no server, `jdock mounts` lists nothing.
assert_no_jdock_mount() {
  union_assert_not_mounted "$1"
  assert_eq "" "$(union_servers)" "mount servers left"
  assert_ok jdock mounts -q
  assert_eq "" "$output" "active mounts"
}

# stop_server_with SIGNAL: a mounted server stopped by SIGNAL unmounts and exits; its upper dir
# is kept for the next mount of the same name.
stop_server_with() {
  union_mount jdock-small s --name sig
  echo kept >s/hello.txt
  local pid
  pid=$(union_server_pid s)
  [[ -n $pid ]] || fail "no server pid in jdock mounts"
  # A busy mount: a process sits in it with a file open.
  (cd s && exec sleep 600 <hello.txt) &
  local user=$!
  kill "-$1" "$pid"
  union_await_gone "$pid"
  kill "$user"
  assert_no_jdock_mount s
  assert_file_content "$JDOCK_ROOT/mounts/sig/upper/hello.txt" $'kept\n'
  local record
  record=$(cat "$JDOCK_ROOT/mounts/sig/record.json")
  union_mount jdock-small s --name sig
  assert_file_content s/hello.txt $'kept\n'
  # The record forgets the stopped server's pid: once the pid is reused, jdock would take the new
  # process for the server (list the mount as active, and signal that process on umount).
  assert_eq 0 "$(jq .pid <<<"$record")" "pid in the record of the stopped mount"
}

test_sigterm_of_the_server_unmounts_cleanly() {
  stop_server_with TERM
}

test_sigint_of_the_server_unmounts_cleanly() {
  stop_server_with INT
}

test_kill_9_of_the_server_then_jdock_umount_clears_the_dead_mount() {
  union_mount jdock-small s --name killed
  echo kept >s/hello.txt
  local pid
  pid=$(union_server_pid s)
  kill -9 "$pid"
  union_await_gone "$pid"
  run stat s/hello.txt
  assert_match "$stderr" "Transport endpoint is not connected|Software caused connection abort" "a dead FUSE mount"
  assert_ok jdock mounts -q
  assert_eq "" "$output" "a dead server's mount is not active"
  assert_ok jdock umount s
  assert_no_jdock_mount s
  union_mount jdock-small s --name killed
  assert_file_content s/hello.txt $'kept\n'
  # By name too.
  pid=$(union_server_pid s)
  kill -9 "$pid"
  union_await_gone "$pid"
  assert_ok jdock umount killed
  assert_no_jdock_mount s
}

# tmp_fds PID DIR: the server's descriptors on files being prepared in DIR (O_TMPFILE shows as
# "DIR/#INODE (deleted)"; the fallback name as DIR/.wh..wh.jdock-tmp.*).
tmp_fds() {
  find "/proc/$1/fd" -type l -printf '%l\n' 2>/dev/null | grep -E "^$2/(#[0-9]+ \(deleted\)|\.wh\.\.wh\.jdock-tmp\.)" || true
}

test_kill_9_during_a_copy_up_leaves_no_half_copied_file() {
  mkdir -p lower upper work mnt
  head -c 300M /dev/urandom >lower/big.bin
  echo small >lower/small.txt
  jdock overlay -o "lowerdir=$PWD/lower,upperdir=$PWD/upper,workdir=$PWD/work" mnt
  defer union_umount_quietly "$PWD/mnt"
  local pid i
  pid=$(union_overlay_servers mnt)
  # An append copies big.bin up first; stop the server while the copy is being made.
  (echo appended >>mnt/big.bin) 2>/dev/null &
  local writer=$!
  for ((i = 0; i < 2000; i++)); do
    [[ -n $(tmp_fds "$pid" "$PWD/upper") ]] && break
    sleep 0.005
  done
  kill -STOP "$pid"
  [[ -n $(tmp_fds "$pid" "$PWD/upper") ]] || { kill -9 "$pid"; fail "never caught the copy-up in progress"; }
  kill -9 "$pid"
  union_await_gone "$pid"
  wait "$writer" || true
  assert_ok jdock umount mnt # a dead mount without a record
  union_assert_not_mounted mnt
  # Nothing half-copied is visible: no big.bin in the upper dir, no temporary name.
  assert_eq "" "$(ls -A upper)" "the upper dir after the crash"
  jdock overlay -o "lowerdir=$PWD/lower,upperdir=$PWD/upper,workdir=$PWD/work" mnt
  assert_file_same mnt/big.bin lower/big.bin
  echo appended >>mnt/big.bin
  assert_eq "$(($(stat -c %s lower/big.bin) + 9))" "$(stat -c %s upper/big.bin)"
  assert_eq "" "$(find upper -name '.wh.*')" "temporary names in the upper dir"
}

test_kill_9_during_a_big_write_leaves_a_valid_upper_dir() {
  union_mount jdock-test j --name crash
  local pid upper=$JDOCK_ROOT/mounts/crash/upper
  pid=$(union_server_pid j)
  head -c 100M /dev/urandom >big.src
  rm j/jdock-test/files/empty
  echo before >j/jdock-test/files/regular.txt
  (cp big.src j/jdock-test/big.bin) 2>/dev/null &
  local writer=$! i
  for ((i = 0; i < 2000; i++)); do
    (($(stat -c %s "$upper/jdock-test/big.bin" 2>/dev/null || echo 0) > 0)) && break
    sleep 0.005
  done
  kill -9 "$pid"
  union_await_gone "$pid"
  wait "$writer" || true
  assert_ok jdock umount j
  # Remounted: what was written before the crash is there; the upper dir is still a valid layer
  # (no temporary names, whiteouts in place).
  union_mount jdock-test j --name crash
  assert_not_exists j/jdock-test/files/empty
  assert_file_content j/jdock-test/files/regular.txt $'before\n'
  cmp -n "$(stat -c %s j/jdock-test/big.bin)" j/jdock-test/big.bin big.src || fail "big.bin holds other bytes than were written"
  assert_eq "" "$(find "$upper" -name '.wh..wh.*')" "temporary names in the upper dir"
  assert_file "$upper/jdock-test/files/.wh.empty"
  cp big.src j/jdock-test/big.bin
  assert_file_same j/jdock-test/big.bin big.src
}

# worker N ROOT: creates, writes, reads, renames, links and unlinks in ROOT/wN and appends to
# ROOT/files/regular.txt (a lower file on the mount); deterministic, so the result can be compared
# with the same work done in a plain directory.
worker() {
  local n=$1 d=$2/w$1 i
  mkdir -p "$d/sub"
  for ((i = 0; i < 100; i++)); do
    printf 'worker %d line %d\n' "$n" "$i" >"$d/f$i"
    cat "$d/f$i" >>"$d/all"
    mv "$d/f$i" "$d/sub/g$i"
    if ((i % 3 == 0)); then rm "$d/sub/g$i"; fi
    if ((i % 10 == 0)); then
      ln "$d/sub/g$((i - 2))" "$d/hard$i" 2>/dev/null || true
      printf 'worker %d append %d\n' "$n" "$i" >>"$2/files/regular.txt"
    fi
  done
  chmod 600 "$d/all"
}

# reader ROOT SUMS: checks lower files against their sums, again and again.
reader() {
  local i
  for ((i = 0; i < 15; i++)); do
    (cd "$1" && sha256sum --quiet -c "$2") || echo "round $i: lower files read wrong"
  done
}

test_many_processes_reading_and_writing_at_once() {
  union_mount jdock-test j --name busy
  local root=$PWD/j/jdock-test n pids=()
  mkdir -p plain/files
  cp "$root/files/regular.txt" plain/files/regular.txt
  (cd j && sha256sum usr/bin/bash usr/lib/x86_64-linux-gnu/libc.so.6 etc/os-release jdock-test/repack/mostly-zeros.bin) >sums
  for n in 1 2 3 4 5 6 7 8; do
    worker "$n" "$root" &
    pids+=($!)
  done
  reader "$PWD/j" "$PWD/sums" >reader1.out 2>&1 &
  pids+=($!)
  reader "$PWD/j" "$PWD/sums" >reader2.out 2>&1 &
  pids+=($!)
  for n in 1 2 3 4 5 6 7 8; do worker "$n" plain; done
  for n in "${pids[@]}"; do wait "$n"; done
  assert_eq "" "$(cat reader1.out reader2.out)" "what the readers found"
  for n in 1 2 3 4 5 6 7 8; do
    assert_tree_same "$root/w$n" "plain/w$n" --ignore mtime
  done
  # Eight processes appending to one lower file: one copy-up, no append lost.
  assert_eq "$(sort plain/files/regular.txt)" "$(sort "$root/files/regular.txt")" "the shared lower file"
  assert_eq "" "$(find "$JDOCK_ROOT/mounts/busy/upper" -name '.wh..wh.*')" "temporary names in the upper dir"
}
