# The built jdock starts, prints its help and rejects what it does not know.

test_help_exits_0_and_shows_usage() {
  assert_ok jdock --help
  assert_contains "$output" "Usage: jdock"
  assert_eq "" "$stderr" "stderr of --help"
}

test_version_exits_0() {
  assert_ok jdock --version
  assert_match "$output" "^jdock version [^ ]+"
}

test_unknown_command_fails_with_a_hint() {
  run jdock nosuchcommand
  assert_ne 0 "$status" "exit status of an unknown command"
  assert_eq "" "$output" "stdout of an unknown command"
  assert_contains "$stderr" "jdock --help"
}

test_unknown_flag_fails_with_status_125() {
  # docker: flag-parse errors exit 125 (cli/cobra.go FlagErrorFunc).
  run jdock --no-such-flag
  assert_eq 125 "$status" "exit status of an unknown flag"
  assert_contains "$stderr" "--no-such-flag"
}
