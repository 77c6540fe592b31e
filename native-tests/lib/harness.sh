#!/usr/bin/env bash
# Runs one test file for native-tests/run:  harness.sh FILE FIRST-NUMBER RESULT-FILE
#
# The file is sourced with every lib/*.sh; its test_* functions run in the order they are
# written, each in its own subshell with errexit, in its own process group (stopped after
# NATIVE_TEST_TIMEOUT seconds), in a fresh dir $NT_CASE_DIR. setup_file / teardown_file, when
# defined, run once in the file's shell (state they set is seen by every test). All tests of a
# file share one fresh store: JDOCK_ROOT=$NT_FILE_TMP/jdock-root (not created beforehand).
# Prints "ok N - name" / "not ok N - name" plus the test's output; writes
# "LAST-NUMBER PASSED FAILED" to RESULT-FILE.
set -uo pipefail
set -m # each test case gets its own process group

NT_TEST_FILE=$(readlink -f "$1")
NT_NUM=$2
NT_RESULT=$3
NT_LIB=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)
NT_DIR=$(dirname "$NT_LIB")
NT_TOP=$(dirname "$NT_DIR")
NT_TIMEOUT=${NATIVE_TEST_TIMEOUT:-900}
NT_NAME=$(basename "$NT_TEST_FILE" .sh)
export NT_LIB NT_DIR NT_TOP

for lib in "$NT_LIB"/*.sh; do
  [[ $lib == */harness.sh ]] || source "$lib"
done

NT_FILE_TMP=$(mktemp -d "${NATIVE_TESTS_TMP:-/tmp}/nt.$NT_NAME.XXXXXX")
export NT_FILE_TMP
export JDOCK_ROOT=$NT_FILE_TMP/jdock-root
# No credentials or settings of the machine's user leak into a test.
export DOCKER_CONFIG=$NT_FILE_TMP/docker-config
mkdir -p "$DOCKER_CONFIG"
NT_DEFERRED=()
NT_PHASE=load
nt_pass=0
nt_fail=0
NT_TESTS=()

# defer CMD ARG...: runs CMD when the current test (or, from setup_file, the file) ends; LIFO.
defer() { NT_DEFERRED+=("$(printf '%q ' "$@")"); }

nt_run_deferred() {
  local i
  for ((i = ${#NT_DEFERRED[@]} - 1; i >= 0; i--)); do
    eval "${NT_DEFERRED[i]}" || echo "# cleanup failed: ${NT_DEFERRED[i]}" >&2
  done
  NT_DEFERRED=()
}

# nt_unmount_under DIR: lazily unmounts every mount at or below DIR, deepest first.
nt_unmount_under() {
  local m
  awk -v d="$1" '$5 == d || index($5, d "/") == 1 { print $5 }' /proc/self/mountinfo | LC_ALL=C sort -r |
    while read -r m; do
      umount -l "$m" 2>/dev/null || fusermount3 -uz "$m" 2>/dev/null || fusermount -uz "$m" 2>/dev/null ||
        echo "# could not unmount $m" >&2
    done
}

# ERR trap: reports the innermost failing command and where it is in the test file.
nt_on_err() {
  local rc=$? i loc=""
  [[ -n ${NT_ERR_SEEN:-} ]] && return 0
  NT_ERR_SEEN=1
  for ((i = 1; i < ${#BASH_SOURCE[@]}; i++)); do
    if [[ ${BASH_SOURCE[i]} == "$NT_TEST_FILE" ]]; then
      loc="$NT_NAME.sh:${BASH_LINENO[i - 1]}"
      break
    fi
  done
  loc=${loc:-${BASH_SOURCE[1]:-?}:${BASH_LINENO[0]}}
  if [[ $BASH_COMMAND == return* ]]; then
    echo "(failed at $loc)" >&2
  else
    echo "ERROR: exit status $rc from: $BASH_COMMAND (at $loc)" >&2
  fi
}

nt_report() { # STATUS NAME LOG SECONDS
  NT_NUM=$((NT_NUM + 1))
  local desc="$NT_NAME: ${2//_/ }" secs=$4
  ((secs >= 5)) && desc+=" (${secs}s)"
  if [[ $1 == ok ]]; then
    nt_pass=$((nt_pass + 1))
    echo "ok $NT_NUM - $desc"
    [[ ${NATIVE_TESTS_VERBOSE:-0} == 1 && -s $3 ]] && sed 's/^/# /' "$3"
  else
    nt_fail=$((nt_fail + 1))
    echo "not ok $NT_NUM - $desc"
    if [[ -s $3 ]]; then
      local n
      n=$(wc -l <"$3")
      ((n <= 200)) || echo "#   ... (first $((n - 200)) lines of $3 left out)"
      tail -n 200 "$3" | cat -v | sed 's/^/#   /'
    fi
  fi
  return 0
}

nt_case_exit() {
  local rc=$?
  set +e
  nt_run_deferred
  nt_unmount_under "$NT_CASE_DIR"
  exit "$rc"
}

nt_run_case() {
  local fn=$1 log pid wd rc start
  NT_CASE_DIR=$NT_FILE_TMP/cases/$fn
  log=$NT_FILE_TMP/cases/$fn.log
  mkdir -p "$NT_CASE_DIR"
  : >"$log"
  start=$SECONDS
  (
    NT_DEFERRED=()
    trap nt_case_exit EXIT
    trap 'exit 143' TERM
    set -eEuo pipefail
    trap nt_on_err ERR
    cd "$NT_CASE_DIR"
    "$fn"
  ) >>"$log" 2>&1 </dev/null &
  pid=$!
  (
    # Short sleeps: a watchdog that outlives its test (killed between two steps) ends by itself.
    for ((i = 0; i < NT_TIMEOUT; i++)); do
      sleep 1
      kill -0 "$pid" 2>/dev/null || exit 0
    done
    echo "TIMEOUT: $fn ran longer than ${NT_TIMEOUT}s (NATIVE_TEST_TIMEOUT); stopped" >>"$log"
    kill -TERM -- -"$pid" 2>/dev/null
    sleep 10
    kill -KILL -- -"$pid" 2>/dev/null
  ) >/dev/null 2>&1 &
  wd=$!
  wait "$pid"
  rc=$?
  kill -- -"$wd" 2>/dev/null
  wait "$wd" 2>/dev/null
  # Anything the test left running in its process group goes too.
  kill -KILL -- -"$pid" 2>/dev/null
  if ((rc == 0)); then
    nt_report ok "${fn#test_}" "$log" $((SECONDS - start))
  else
    nt_report fail "${fn#test_}" "$log" $((SECONDS - start))
  fi
}

nt_file_exit() {
  local rc=$? fn
  set +eE
  trap - ERR
  if [[ $NT_PHASE == setup ]]; then
    echo "setup_file failed (exit $rc); the tests of this file did not run" >>"$NT_FILE_TMP/setup.log"
    nt_report fail "setup_file" "$NT_FILE_TMP/setup.log" 0
    for fn in "${NT_TESTS[@]}"; do
      echo "not run: setup_file failed" >"$NT_FILE_TMP/skipped.log"
      nt_report fail "${fn#test_}" "$NT_FILE_TMP/skipped.log" 0
    done
  fi
  if [[ $NT_PHASE != load ]] && declare -F teardown_file >/dev/null; then
    NT_CASE_DIR=$NT_FILE_TMP/teardown
    mkdir -p "$NT_CASE_DIR"
    teardown_file >"$NT_FILE_TMP/teardown.log" 2>&1 || { echo "# teardown_file failed:"; sed 's/^/#   /' "$NT_FILE_TMP/teardown.log"; }
  fi
  nt_run_deferred >>"$NT_FILE_TMP/teardown.log" 2>&1
  nt_unmount_under "$NT_FILE_TMP"
  if [[ ${NATIVE_TESTS_KEEP_TMP:-0} == 1 ]] || { ((nt_fail > 0)) && [[ ${NATIVE_TESTS_KEEP_FAILED:-0} == 1 ]]; }; then
    echo "# kept $NT_FILE_TMP"
  else
    rm -rf --one-file-system "$NT_FILE_TMP"
  fi
  echo "$NT_NUM $nt_pass $nt_fail" >"$NT_RESULT"
}
trap nt_file_exit EXIT
trap 'exit 143' TERM INT

if ! source "$NT_TEST_FILE" >"$NT_FILE_TMP/load.log" 2>&1; then
  nt_report fail "loading $NT_NAME.sh" "$NT_FILE_TMP/load.log" 0
  exit 1
fi
# The test_* functions defined by the file itself, in the order they are written.
mapfile -t NT_TESTS < <(shopt -s extdebug; for fn in $(compgen -A function test_); do declare -F "$fn"; done |
  awk -v f="$NT_TEST_FILE" '$3 == f { print $2, $1 }' | sort -n | cut -d' ' -f2)
if [[ -n ${NATIVE_TESTS_ONLY:-} ]]; then
  mapfile -t NT_TESTS < <(printf '%s\n' "${NT_TESTS[@]}" | grep -E -- "$NATIVE_TESTS_ONLY")
fi
if ((${#NT_TESTS[@]} == 0)); then
  echo "no test_* functions found in $NT_TEST_FILE" >"$NT_FILE_TMP/load.log"
  nt_report fail "loading $NT_NAME.sh" "$NT_FILE_TMP/load.log" 0
  exit 1
fi

if declare -F setup_file >/dev/null; then
  NT_PHASE=setup
  NT_CASE_DIR=$NT_FILE_TMP/setup
  mkdir -p "$NT_CASE_DIR"
  # In this shell (its variables and background processes serve every test), with errexit:
  # a failing command ends the harness and nt_file_exit reports it.
  set -eE
  trap nt_on_err ERR
  nt_setup_start=$SECONDS
  setup_file >"$NT_FILE_TMP/setup.log" 2>&1
  trap - ERR
  set +eE
  (((SECONDS - nt_setup_start) < 5)) || echo "# $NT_NAME: setup_file took $((SECONDS - nt_setup_start))s"
fi
NT_PHASE=tests
for fn in "${NT_TESTS[@]}"; do
  nt_run_case "$fn"
done
