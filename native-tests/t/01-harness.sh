# The test framework itself: results, failure output, timeouts, setup, cleanup, missing tools.
# Each test writes a small test file and runs it through lib/harness.sh, as native-tests/run does.

# nested FILE [ENV=VALUE...]: runs the test file FILE through the harness; sets $output etc.,
# and $result to the "LAST PASSED FAILED" line the harness reports.
nested() {
  local file=$1
  shift
  run env "$@" bash "$NT_LIB/harness.sh" "$file" 0 "$NT_CASE_DIR/result"
  result=$(cat "$NT_CASE_DIR/result" 2>/dev/null || echo "no result")
}

test_passing_and_failing_tests_are_counted_in_order() {
  cat >x.sh <<'EOF'
test_passes() { assert_eq a a; }
test_fails_on_assertion() { assert_eq expected actual "the value"; }
test_fails_on_a_command() { false; echo "not reached"; }
test_passes_too() { true; }
EOF
  nested x.sh
  assert_eq "4 2 2" "$result" "last number, passed, failed"
  assert_line "$output" "ok 1 - x: passes"
  assert_line "$output" "not ok 2 - x: fails on assertion"
  assert_line "$output" "not ok 3 - x: fails on a command"
  assert_line "$output" "ok 4 - x: passes too"
  assert_not_contains "$output" "not reached"
  assert_contains "$output" "ERROR: exit status 1 from: false (at x.sh:3)"
}

test_failure_output_shows_command_status_stdout_and_stderr() {
  cat >x.sh <<'EOF'
test_shows() { assert_status 0 sh -c 'echo to-stdout; echo to-stderr >&2; exit 3'; }
EOF
  nested x.sh
  assert_eq "1 0 1" "$result"
  assert_contains "$output" "expected exit status 0, got 3"
  assert_contains "$output" "command: sh -c "
  assert_contains "$output" "exit status: 3"
  assert_contains "$output" "| to-stdout"
  assert_contains "$output" "| to-stderr"
}

test_assert_fails_with_needs_the_exact_line_and_status() {
  cat >x.sh <<'EOF'
f() { echo "Error: No such image: x:latest" >&2; return 1; }
test_right() { assert_fails_with "Error: No such image: x:latest" 1 f; }
test_wrong_status() { assert_fails_with "Error: No such image: x:latest" 2 f; }
test_partial_line() { assert_fails_with "No such image: x:latest" 1 f; }
EOF
  nested x.sh
  assert_eq "3 1 2" "$result"
  assert_line "$output" "ok 1 - x: right"
  assert_contains "$output" "expected exit status 2, got 1"
  assert_contains "$output" "stderr lacks the line: No such image: x:latest"
}

test_a_hanging_test_is_stopped_by_the_timeout() {
  cat >x.sh <<'EOF'
test_hangs() { sleep 300 & sleep 300; }
test_after() { true; }
EOF
  local start=$SECONDS
  nested x.sh NATIVE_TEST_TIMEOUT=2
  assert_eq "2 1 1" "$result"
  assert_contains "$output" "TIMEOUT: test_hangs ran longer than 2s"
  ((SECONDS - start < 60)) || fail "the timeout did not stop the test quickly"
}

test_a_failing_setup_file_fails_every_test() {
  cat >x.sh <<'EOF'
setup_file() { echo "setting up"; false; }
test_one() { true; }
test_two() { true; }
EOF
  nested x.sh
  assert_eq "3 0 3" "$result"
  assert_line "$output" "not ok 1 - x: setup file"
  assert_contains "$output" "setting up"
  assert_line "$output" "not ok 3 - x: two"
}

test_setup_file_state_is_shared_and_the_store_is_fresh() {
  cat >x.sh <<'EOF'
setup_file() { SHARED=from-setup; }
test_sees_setup() { assert_eq from-setup "$SHARED"; }
test_store_is_in_the_file_temp_dir() {
  assert_eq "$NT_FILE_TMP/jdock-root" "$JDOCK_ROOT"
  assert_not_exists "$JDOCK_ROOT"
}
EOF
  nested x.sh
  assert_eq "2 2 0" "$result"
}

test_cleanups_run_and_mounts_are_undone() {
  cat >x.sh <<EOF
test_leaves_a_mount() {
  mkdir mnt
  mount -t tmpfs none mnt
  echo "\$NT_CASE_DIR/mnt" >"$NT_CASE_DIR/mountpoint"
  defer touch "$NT_CASE_DIR/deferred-ran"
}
EOF
  nested x.sh
  assert_eq "1 1 0" "$result"
  assert_exists "$NT_CASE_DIR/deferred-ran"
  local mnt
  mnt=$(cat "$NT_CASE_DIR/mountpoint")
  if awk -v m="$mnt" '$5 == m { found = 1 } END { exit !found }' /proc/self/mountinfo; then
    fail "$mnt is still mounted"
  fi
}

test_a_missing_tool_fails_and_names_its_package() {
  cat >x.sh <<'EOF'
test_needs_htpasswd() { PATH=/nonexistent need htpasswd; }
EOF
  nested x.sh
  assert_eq "1 0 1" "$result"
  assert_contains "$output" "missing tool 'htpasswd': install the Debian package apache2-utils"
}

test_a_file_with_a_syntax_error_fails() {
  printf 'test_x() { true; }\nif then fi\n' >x.sh
  nested x.sh
  assert_eq "1 0 1" "$result"
  assert_line "$output" "not ok 1 - x: loading x.sh"
}
