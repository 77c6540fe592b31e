# jdock login / logout on the client side, as docker 28's client behaves (its messages were
# checked against /usr/local/bin/docker 28.2.2): option rules, the -p warning, no prompting
# without a terminal, and logout editing docker's config.json without losing other settings.

fresh() { export DOCKER_CONFIG=$NT_CASE_DIR/docker-config; }

WARN="WARNING! Using --password via the CLI is insecure. Use --password-stdin."
NON_TTY="Error: Cannot perform an interactive login from a non TTY device"

# login_fails STDIN EXPECTED-STDERR ARG...: jdock login ARG... with STDIN fails (exit 1) printing
# exactly EXPECTED-STDERR and nothing on stdout, and writes no config.json.
login_fails() {
  local in=$1 expected=$2
  shift 2
  run jdock login "$@" <<<"$in"
  assert_eq 1 "$status" "exit status of jdock login $*"
  assert_eq "$expected" "$stderr" "stderr of jdock login $*"
  assert_output ""
  assert_not_exists "$DOCKER_CONFIG/config.json"
}

test_option_rules_are_docker_28s() {
  fresh
  local server=127.0.0.1:$(_free_port)
  login_fails "" "conflicting options: cannot specify both --password and --password-stdin" \
    -u x -p y --password-stdin "$server"
  login_fails "pw" "the --password-stdin option requires --username to be set" --password-stdin "$server"
  login_fails "" "username is empty" -u "" -p y "$server"
  login_fails "" "password is empty" -u x -p "" "$server"
  login_fails "" "$NON_TTY" "$server"
  login_fails "" "$NON_TTY" -u x "$server"
  login_fails "" "$WARN"$'\n'"$NON_TTY" -p y "$server"
  login_fails "" "$NON_TTY" -u x --password-stdin "$server"
}

test_too_many_arguments_is_a_usage_error() {
  fresh
  run jdock login a b
  assert_eq 1 "$status"
  assert_eq "jdock: 'jdock login' requires at most 1 argument"$'\n\n'"Usage:  jdock login [OPTIONS] [SERVER]"$'\n\n'"Run 'jdock login --help' for more information" "$stderr"
}

test_an_unreachable_registry_is_reported_and_nothing_stored() {
  fresh
  local port
  port=$(_free_port)
  login_fails "pw" "Error response from daemon: Get \"http://127.0.0.1:$port/v2/\": dial tcp 127.0.0.1:$port: connect: connection refused" \
    -u x --password-stdin "127.0.0.1:$port"
}

test_logout_names_the_server_as_docker_does() {
  fresh
  run jdock logout
  assert_eq 0 "$status"
  assert_output "Removing login credentials for https://index.docker.io/v1/"
  run jdock logout http://127.0.0.1:5000/
  assert_eq 0 "$status"
  assert_output "Removing login credentials for 127.0.0.1:5000"
}

test_logout_keeps_other_registries_and_settings() {
  fresh
  mkdir -p "$DOCKER_CONFIG"
  printf '{"auths":{"127.0.0.1:5000":{"auth":"eDp5"},"other.example:443":{"auth":"YTpi"}},"psFormat":"table {{.ID}}"}' \
    >"$DOCKER_CONFIG/config.json"
  run jdock logout 127.0.0.1:5000
  assert_eq 0 "$status"
  assert_eq '{"auths":{"other.example:443":{"auth":"YTpi"}},"psFormat":"table {{.ID}}"}' \
    "$(jq -c . "$DOCKER_CONFIG/config.json")"
  assert_eq $'\t"auths": {' "$(sed -n 2p "$DOCKER_CONFIG/config.json")" "docker's tab indentation"
}
