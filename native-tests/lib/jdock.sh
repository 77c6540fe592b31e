# Driving the built jdock. Every test file runs with a fresh store: JDOCK_ROOT (set by the
# harness) points into the file's temp dir.

# The launcher (builds target/jdock.jar when stale; native-tests/run builds it once up front).
NT_JDOCK=${NT_JDOCK:-$NT_TOP/scripts/jdock}

# jdock ARG...: runs jdock on the test's store. Use it under `run` / assert_* to check output:
#   run jdock images; assert_line "$output" "REPOSITORY   TAG   IMAGE ID   CREATED   SIZE"
jdock() { "$NT_JDOCK" "$@"; }

# jdock_load IMAGE [SHAPE]: loads a fixture image (default shape docker-archive) and checks it
# exits 0; the shared first step of tests of images/rmi/inspect/save/mount/run.
jdock_load() {
  local archive
  archive=$(fx_archive "$1" "${2:-docker-archive}") || return 1
  assert_ok jdock load -i "$archive"
}
