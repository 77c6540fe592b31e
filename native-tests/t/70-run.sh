# jdock run / create / start / stop / kill / rm / exec / logs on the real Debian fixture image:
# what the container sees (os-release, /proc, /dev, /etc files, env, user, workdir, binds),
# docker's exit codes and messages, and what is left behind (nothing, after --rm, rm -f or a
# SIGKILLed jdock).

setup_file() {
  ct_image_add jdock-test
}

teardown_file() {
  ct_remove_all
}

test_run_rm_prints_os_release_and_leaves_nothing_behind() {
  assert_ok jdock run --rm jdock-test cat /etc/os-release
  assert_line "$output" 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"'
  assert_eq "" "$stderr"
  assert_ok jdock ps -aq
  assert_eq "" "$output" "containers left by --rm"
  assert_eq "" "$(ct_mounts_of_store)" "mounts left under the store"
}

test_the_exit_code_propagates_and_diff_shows_the_new_file() {
  run jdock run --name exit3 jdock-test sh -c 'echo hi > /f; exit 3'
  assert_eq 3 "$status" "exit status of the container"
  assert_ok jdock diff exit3
  assert_output "A /f"
  assert_ok jdock ps -a --filter name=exit3 --format '{{.Status}}'
  assert_match "$output" '^Exited \(3\) '
  assert_eq "" "$(ct_mounts_of_store)"
}

test_commands_that_cannot_run_get_dockers_exit_codes() {
  assert_fails_with \
    'jdock: Error response from daemon: unable to start container process: exec: "nothere": executable file not found in $PATH' \
    127 jdock run --name nocmd jdock-test nothere
  assert_line "$stderr" "Run 'jdock run --help' for more information"
  # docker leaves a container that never started as "Created"
  assert_ok jdock ps -a --filter name=nocmd --format '{{.Status}}'
  assert_output "Created"
  assert_fails_with \
    'jdock: Error response from daemon: unable to start container process: exec: "/etc/os-release": permission denied' \
    126 jdock run --rm jdock-test /etc/os-release
  assert_fails_with \
    'jdock: Error response from daemon: unable to start container process: exec: "/etc": is a directory' \
    126 jdock run --rm jdock-test /etc
  assert_fails_with 'jdock: Error response from daemon: No such image: nothere:latest' \
    125 jdock run --rm nothere
  assert_fails_with \
    'jdock: Error response from daemon: unable to find user nosuch: no matching entries in passwd file' \
    125 jdock run --rm -u nosuch jdock-test true
  run jdock run --no-such-flag jdock-test true
  assert_eq 125 "$status" "exit status of an unknown flag"
  assert_eq "" "$(ct_mounts_of_store)"
}

test_the_image_config_env_workdir_and_the_options_that_override_them() {
  assert_ok jdock run --rm jdock-test sh -c 'echo "$JDOCK_FIXTURE|$(pwd)|$(id -u)|$HOME|$PATH"'
  assert_output "jdock-test|/jdock-test|0|/root|/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
  printf '# comment\nFROM_FILE=f1\nBOTH=file\n' >env.list
  assert_ok jdock run --rm -w /tmp -u nobody -e BOTH=flag --env-file env.list jdock-test \
    sh -c 'echo "$(pwd)|$(id)|$FROM_FILE|$BOTH|$HOME"'
  assert_output "/tmp|uid=65534(nobody) gid=65534(nogroup) groups=65534(nogroup)|f1|flag|/nonexistent"
  assert_ok jdock run --rm -u 1000:1000 jdock-test id
  assert_output "uid=1000 gid=1000 groups=1000"
  assert_ok jdock run --rm --entrypoint /bin/echo jdock-test from entrypoint
  assert_output "from entrypoint"
  assert_ok jdock run --rm --hostname web1 jdock-test sh -c 'hostname; cat /etc/hostname; grep -c web1 /etc/hosts'
  assert_output web1 web1 1
  # a missing working dir is made, as docker makes it
  assert_ok jdock run --rm -w /new/work/dir jdock-test pwd
  assert_output /new/work/dir
}

test_proc_dev_sys_and_the_etc_files_are_the_containers_own() {
  assert_ok jdock run --name files jdock-test sh -c '
    echo "pid=$$"
    readlink /proc/1/exe
    for d in null zero full random urandom tty; do [ -c /dev/$d ] || echo "no /dev/$d"; done
    [ -d /dev/pts ] && [ -d /dev/shm ] && [ -L /dev/fd ] && [ -L /dev/stdin ] && echo dev-ok
    head -c 4 /dev/zero | wc -c
    touch /sys/jdock 2>/dev/null || echo sys-read-only
    [ "$(cat /etc/hostname)" = "$(hostname)" ] && echo hostname-ok
    grep -q "^127.0.0.1	localhost$" /etc/hosts && echo hosts-ok
    [ -s /etc/resolv.conf ] && echo resolv-ok
    echo changed > /etc/hostname'
  assert_output "pid=1" /usr/bin/dash dev-ok 4 sys-read-only hostname-ok hosts-ok resolv-ok
  # bind-mounted files are not in the upper dir: neither diff nor commit sees them
  assert_ok jdock diff files
  assert_eq "" "$output" "diff of a container that wrote only to bind-mounted files"
}

test_bind_mounts_read_write_and_read_only() {
  mkdir data
  echo from-host >data/in
  assert_ok jdock run --rm -v "$PWD/data:/data" jdock-test sh -c 'cat /data/in; echo from-container > /data/out'
  assert_output from-host
  assert_file_content data/out $'from-container\n'
  run jdock run --rm -v "$PWD/data:/data:ro" jdock-test sh -c 'echo x > /data/out2'
  assert_ne 0 "$status" "a write to a read-only bind"
  assert_contains "$stderr" "Read-only file system"
  assert_not_exists data/out2
  assert_fails_with "jdock: Error response from daemon: invalid volume specification: 'named:/data': named volumes are not supported, give an absolute host path" \
    125 jdock run --rm -v named:/data jdock-test true
}

test_detached_containers_log_exec_and_stop_even_when_they_ignore_sigterm() {
  assert_ok jdock run -d --name bg jdock-test sh -c 'echo started; echo to-stderr >&2; trap "" TERM; sleep 1000'
  assert_match "$output" '^[0-9a-f]{64}$'
  local id=$output
  ct_wait_status bg '^Up '
  assert_ok jdock logs bg
  assert_output started
  assert_eq "to-stderr" "$stderr"
  assert_ok jdock exec bg cat /etc/hostname
  assert_output "${id:0:12}"
  assert_ok jdock exec -w /tmp -u nobody -e X=1 bg sh -c 'echo "$(pwd) $(id -un) $X"'
  assert_output "/tmp nobody 1"
  assert_fails_with 'Error response from daemon: unable to start container process: exec: "nothere": executable file not found in $PATH' \
    127 jdock exec bg nothere
  # sh as PID 1 ignores SIGTERM: stop -t 1 has to SIGKILL it
  assert_ok jdock stop -t 1 bg
  assert_output bg
  ct_wait_status bg '^Exited \(137\) '
  ct_no_process_with "sleep 1000"
  assert_fails_with "Error response from daemon: container $id is not running" 1 jdock exec bg true
  assert_eq "" "$(ct_mounts_of_store)"
}

test_create_then_start_attached_and_detached() {
  assert_ok jdock create --name later jdock-test sh -c 'echo from-start; exit 5'
  assert_match "$output" '^[0-9a-f]{64}$'
  assert_ok jdock ps -a --filter name=later --format '{{.Status}}'
  assert_output Created
  run jdock start -a later
  assert_eq 5 "$status" "exit status of start -a"
  assert_output from-start
  assert_ok jdock start later
  assert_output later
  ct_wait_status later '^Exited \(5\) '
  assert_ok jdock logs later
  assert_output from-start from-start
}

test_kill_sends_a_signal_and_refuses_a_stopped_container() {
  assert_ok jdock run -d --name sig jdock-test sh -c 'trap "echo got-usr1" USR1; while :; do sleep 0.1; done'
  ct_wait_status sig '^Up '
  assert_ok jdock kill -s USR1 sig
  assert_output sig
  local i
  for ((i = 0; i < 100; i++)); do [[ $(jdock logs sig) == *got-usr1* ]] && break; sleep 0.1; done
  assert_ok jdock logs sig
  assert_output got-usr1
  assert_ok jdock kill sig
  ct_wait_status sig '^Exited \(137\) '
  local id
  id=$(jdock ps -aq --no-trunc --filter name=sig)
  assert_fails_with "Error response from daemon: cannot kill container: sig: container $id is not running" \
    1 jdock kill sig
}

test_rm_refuses_a_running_container_and_rm_f_kills_it() {
  assert_ok jdock run -d --name busy jdock-test sleep 424242
  ct_wait_status busy '^Up '
  assert_fails_with 'Error response from daemon: cannot remove container "/busy": container is running: stop the container before removing or force remove' \
    1 jdock rm busy
  assert_ok jdock rm -f busy
  assert_output busy
  assert_ok jdock ps -aq --filter name=busy
  assert_eq "" "$output"
  ct_no_process_with 424242
  assert_eq "" "$(ct_mounts_of_store)"
  assert_fails_with "Error response from daemon: No such container: busy" 1 jdock rm busy
}

test_two_containers_of_one_image_do_not_see_each_others_writes() {
  assert_ok jdock run -d --name one jdock-test sleep 1000
  assert_ok jdock run -d --name two jdock-test sleep 1000
  ct_wait_status one '^Up '
  ct_wait_status two '^Up '
  assert_ok jdock exec one sh -c 'echo one > /mine; echo one >> /etc/issue'
  assert_ok jdock exec two sh -c 'test ! -e /mine && tail -n 1 /etc/issue'
  assert_output "jdock-test fixture"
  assert_ok jdock exec one cat /mine
  assert_output one
  assert_ok jdock diff two
  assert_eq "" "$output" "diff of the container that wrote nothing"
  assert_ok jdock rm -f one two
}

test_a_sigkilled_foreground_run_leaves_no_process_no_mount_and_an_exited_record() {
  # the launcher execs java: $! is the jdock process itself
  "$NT_JDOCK" run --name victim jdock-test sleep 987654 >/dev/null 2>&1 &
  local pid=$!
  ct_wait_status victim '^Up '
  kill -9 "$pid"
  wait "$pid" || true
  ct_no_process_with 987654
  assert_eq "" "$(ct_mounts_of_store)" "mounts left by a killed jdock"
  assert_ok jdock ps -a --filter name=victim --format '{{.Status}}'
  assert_match "$output" '^Exited \(137\) '
  assert_ok jdock rm victim
}

test_export_writes_the_merged_filesystem_as_a_tar() {
  assert_ok jdock run --name exp jdock-test sh -c 'echo new > /new-file; rm /etc/issue'
  assert_ok jdock export -o exp.tar exp
  tar -tf exp.tar >names
  grep -qx 'new-file' names || fail "new-file missing from the export"
  grep -qx 'etc/os-release' names || fail "etc/os-release missing from the export"
  grep -qx 'etc/issue' names && fail "etc/issue was removed but is exported"
  grep -q '\.wh\.' names && fail "a whiteout is in the export"
  assert_eq new "$(tar -xOf exp.tar new-file)"
  jdock export exp | cmp - exp.tar || fail "export to stdout differs from export -o"
}

test_logs_follow_until_the_container_stops_and_tail() {
  # stdout and stderr are two pipes read by two relays (as docker's two copiers): lines written to
  # both at the same moment may be logged in either order, so "three" comes a little later.
  assert_ok jdock run -d --name chatty jdock-test sh -c 'echo one; sleep 2; echo two >&2; sleep 0.5; echo three'
  ct_wait_status chatty '^Up '
  assert_ok jdock logs -f chatty
  assert_output one three
  assert_eq two "$stderr"
  assert_ok jdock logs --tail 1 chatty
  assert_output three
  assert_ok jdock logs -t chatty
  assert_match "$(head -n 1 <<<"$output")" '^20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z one$'
  assert_fails_with "Error response from daemon: No such container: nothere" 1 jdock logs nothere
}

test_the_container_group_commands() {
  assert_ok jdock container create --name grouped jdock-test true
  assert_ok jdock container ls -a --filter name=grouped --format '{{.Names}}'
  assert_output grouped
  assert_ok jdock container start -a grouped
  assert_ok jdock container ps -a --filter name=grouped --format '{{.Names}} {{.Status}}'
  assert_match "$output" '^grouped Exited \(0\) '
  assert_ok jdock container remove grouped
  assert_output grouped
  run jdock container
  assert_eq 0 "$status"
  assert_contains "$output" "Manage containers"
}
