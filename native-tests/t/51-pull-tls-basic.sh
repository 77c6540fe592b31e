# jdock login / pull / push / logout against docker-registry over TLS (a test CA, trusted through
# jdock's certs.d: $JDOCK_CONFIG's dir/certs.d/HOST:PORT/ca.crt) with htpasswd Basic auth.
# Credentials go to docker's config.json in $DOCKER_CONFIG, fresh for each test.

setup_file() {
  registry_start tls-basic
  registry_push jdock-small jdock-small:latest
  SMALL_DIGEST=$(registry_digest jdock-small:latest)
  export JDOCK_CONFIG=$NT_FILE_TMP/jdock-config/config.json
  mkdir -p "$NT_FILE_TMP/jdock-config/certs.d/$REG_HOST"
  cp "$REG_CA" "$NT_FILE_TMP/jdock-config/certs.d/$REG_HOST/ca.crt"
}

fresh() {
  export JDOCK_ROOT=$NT_CASE_DIR/root DOCKER_CONFIG=$NT_CASE_DIR/docker-config
}

login() { jdock login -u "$REG_USER" --password-stdin "$REG_HOST" <<<"$REG_PASS"; }

UNENCRYPTED=$'\nWARNING! Your credentials are stored unencrypted in \'%s\'.\nConfigure a credential helper to remove this warning. See\nhttps://docs.docker.com/go/credential-store/'

test_without_credentials_the_pull_is_refused() {
  fresh
  assert_fails_with "Error response from daemon: Get \"$REG_URL/v2/jdock-small/manifests/latest\": no basic auth credentials" 1 \
    jdock pull "$REG_HOST/jdock-small"
  assert_eq "" "$(store_refs)"
}

test_without_the_test_ca_nothing_is_pulled() {
  fresh
  export JDOCK_CONFIG=$NT_CASE_DIR/no-certs/config.json
  login || true
  run jdock pull "$REG_HOST/jdock-small"
  assert_eq 1 "$status"
  assert_match "$stderr" "^Error response from daemon: "
  assert_eq "" "$(store_refs)"
}

test_login_verifies_and_stores_dockers_config_json() {
  fresh
  run login
  assert_eq 0 "$status"
  assert_output "Login Succeeded"
  # shellcheck disable=SC2059 # the format is docker's text
  assert_eq "$(printf "$UNENCRYPTED" "$DOCKER_CONFIG/config.json")" "$stderr"
  local auth
  auth=$(printf '%s:%s' "$REG_USER" "$REG_PASS" | base64 -w0)
  assert_file_content "$DOCKER_CONFIG/config.json" \
    "$(printf '{\n\t"auths": {\n\t\t"%s": {\n\t\t\t"auth": "%s"\n\t\t}\n\t}\n}' "$REG_HOST" "$auth")"
  assert_mode "$DOCKER_CONFIG/config.json" 600
  assert_mode "$DOCKER_CONFIG" 700
  # Logging in again with the same credentials changes nothing and warns of nothing.
  run login
  assert_eq 0 "$status"
  assert_eq "" "$stderr"
}

test_a_wrong_password_is_refused_and_nothing_stored() {
  fresh
  run jdock login -u "$REG_USER" -p wrong "$REG_HOST"
  assert_eq 1 "$status"
  assert_eq "WARNING! Using --password via the CLI is insecure. Use --password-stdin."$'\n'"Error response from daemon: login attempt to $REG_URL/v2/ failed with status: 401 Unauthorized" "$stderr"
  assert_output ""
  assert_not_exists "$DOCKER_CONFIG/config.json"
}

test_login_on_a_terminal_prompts_as_docker() {
  fresh
  need script timeout
  : >tty.out
  # Each answer once its prompt is shown (the password only once echo is off); then EOF.
  {
    wait_for "grep -q 'Username: ' tty.out" && printf '%s\n' "$REG_USER"
    wait_for "grep -q 'Password: ' tty.out" && printf '%s\n' "$REG_PASS"
    wait_for "grep -q 'Login Succeeded' tty.out" 30 || true
  } | timeout 60 script -qec "$NT_JDOCK login $REG_HOST" /dev/null >tty.out || true
  run tr -d '\r' <tty.out
  assert_line "$output" "Username: $REG_USER"
  assert_line "$output" "Password: "
  assert_line "$output" "Login Succeeded"
  assert_not_contains "$output" "$REG_PASS" "the password is not echoed"
  assert_file "$DOCKER_CONFIG/config.json"
}

test_stored_credentials_are_reused() {
  fresh
  assert_ok login
  run jdock login "$REG_HOST"
  assert_eq 0 "$status"
  assert_output "Login Succeeded"
  assert_eq "Authenticating with existing credentials... [Username: $REG_USER]"$'\n\n'" Info -> To login with a different account, run 'docker logout' followed by 'docker login'" "$stderr"
}

test_pull_after_login() {
  fresh
  assert_ok login
  run jdock pull "$REG_HOST/jdock-small"
  assert_eq 0 "$status"
  assert_line "$output" "Status: Downloaded newer image for $REG_HOST/jdock-small:latest"
  assert_eq "$(fx_image_id jdock-small)" "$(store_image_id "$REG_HOST/jdock-small:latest")"
  assert_eq "$(fx_image_id jdock-small)" "$(store_image_id "$REG_HOST/jdock-small@$SMALL_DIGEST")"
}

test_push_after_login_then_pull_back_by_digest() {
  fresh
  assert_ok login
  assert_ok jdock pull -q "$REG_HOST/jdock-small"
  store_tag "$REG_HOST/jdock-small:latest" "$REG_HOST/pushed:1"
  run jdock push "$REG_HOST/pushed:1"
  assert_eq 0 "$status"
  assert_line "$output" "The push refers to repository [$REG_HOST/pushed]"
  assert_line "$output" "1: digest: $SMALL_DIGEST size: $(stat -c %s "$JDOCK_ROOT/blobs/sha256/${SMALL_DIGEST#sha256:}")"
  assert_eq "$SMALL_DIGEST" "$(registry_digest pushed:1)" "skopeo sees the stored manifest"
  export JDOCK_ROOT=$NT_CASE_DIR/second-root
  assert_ok jdock pull "$REG_HOST/pushed@$SMALL_DIGEST"
  assert_eq "$(fx_image_id jdock-small)" "$(store_image_id "$REG_HOST/pushed@$SMALL_DIGEST")"
}

test_logout_removes_the_credentials() {
  fresh
  assert_ok login
  run jdock logout "$REG_HOST"
  assert_eq 0 "$status"
  assert_output "Removing login credentials for $REG_HOST"
  assert_file_content "$DOCKER_CONFIG/config.json" "$(printf '{\n\t"auths": {}\n}')"
  assert_fails_with "Error response from daemon: Get \"$REG_URL/v2/jdock-small/manifests/latest\": no basic auth credentials" 1 \
    jdock pull "$REG_HOST/jdock-small"
}
