# jdock against docker-registry with token auth (the test's issuer, lib/TokenIssuer.java):
# anonymous clients get no access unless the issuer allows it; `jdock login` keeps the identity
# (refresh) token the issuer returns, as docker does, and pulls and pushes exchange it for tokens.

setup_file() {
  registry_start token
  registry_push jdock-small jdock-small:latest
  SMALL_DIGEST=$(registry_digest jdock-small:latest)
}

fresh() {
  export JDOCK_ROOT=$NT_CASE_DIR/root DOCKER_CONFIG=$NT_CASE_DIR/docker-config
}

login() { jdock login -u "$REG_USER" --password-stdin "$REG_HOST" <<<"$REG_PASS"; }

test_an_anonymous_pull_is_denied_with_dockers_words() {
  fresh
  assert_fails_with "Error response from daemon: pull access denied for $REG_HOST/jdock-small, repository does not exist or may require 'docker login': denied: requested access to the resource is denied" 1 \
    jdock pull "$REG_HOST/jdock-small"
  assert_contains "$(cat "$ISSUER_LOG")" "user=<anonymous> service=$REG_SERVICE scope=repository:jdock-small:pull granted=repository:jdock-small: status=200"
  assert_eq "" "$(store_refs)"
}

test_a_wrong_password_is_refused_by_the_issuer() {
  fresh
  run jdock login -u "$REG_USER" --password-stdin "$REG_HOST" <<<"wrong"
  assert_eq 1 "$status"
  assert_eq "Error response from daemon: Get \"$REG_URL/v2/\": unauthorized: invalid credentials" "$stderr"
  assert_not_exists "$DOCKER_CONFIG/config.json"
}

test_login_keeps_the_identity_token_and_pulls_with_it() {
  fresh
  run login
  assert_eq 0 "$status"
  assert_output "Login Succeeded"
  assert_eq "" "$stderr" "no unencrypted-password warning: no password is stored"
  assert_eq "$(printf '%s:' "$REG_USER" | base64 -w0)" "$(jq -r --arg h "$REG_HOST" '.auths[$h].auth' "$DOCKER_CONFIG/config.json")"
  assert_match "$(jq -r --arg h "$REG_HOST" '.auths[$h].identitytoken' "$DOCKER_CONFIG/config.json")" '^[0-9a-f]+$'
  run jdock pull "$REG_HOST/jdock-small"
  assert_eq 0 "$status"
  assert_eq "$(fx_image_id jdock-small)" "$(store_image_id "$REG_HOST/jdock-small:latest")"
  assert_eq "$(fx_image_id jdock-small)" "$(store_image_id "$REG_HOST/jdock-small@$SMALL_DIGEST")"
  assert_contains "$(cat "$ISSUER_LOG")" "POST user=$REG_USER service=$REG_SERVICE scope=repository:jdock-small:pull granted=repository:jdock-small:pull status=200" \
    "a refresh-token grant for the pull"
}

test_push_with_a_token_then_pull_back_by_digest() {
  fresh
  assert_ok login
  assert_ok jdock pull -q "$REG_HOST/jdock-small"
  store_tag "$REG_HOST/jdock-small:latest" "$REG_HOST/pushed:v2"
  run jdock push "$REG_HOST/pushed:v2"
  assert_eq 0 "$status"
  assert_eq "v2: digest: $SMALL_DIGEST size: $(stat -c %s "$JDOCK_ROOT/blobs/sha256/${SMALL_DIGEST#sha256:}")" \
    "$(tail -n 1 <<<"$output")"
  assert_match "$(cat "$ISSUER_LOG")" "user=$REG_USER service=$REG_SERVICE scope=[^=]*repository:pushed:pull,push granted=[^=]*repository:pushed:pull,push status=200" \
    "a token with push access"
  assert_eq "$SMALL_DIGEST" "$(registry_digest pushed:v2)"
  export JDOCK_ROOT=$NT_CASE_DIR/second-root
  assert_ok jdock pull "$REG_HOST/pushed@$SMALL_DIGEST"
  assert_eq "$(fx_image_id jdock-small)" "$(store_image_id "$REG_HOST/pushed@$SMALL_DIGEST")"
}

test_after_logout_the_pull_is_denied_again() {
  fresh
  assert_ok login
  run jdock logout "$REG_HOST"
  assert_eq 0 "$status"
  assert_output "Removing login credentials for $REG_HOST"
  assert_eq "{}" "$(jq -c .auths "$DOCKER_CONFIG/config.json")"
  assert_fails_with "Error response from daemon: pull access denied for $REG_HOST/jdock-small, repository does not exist or may require 'docker login': denied: requested access to the resource is denied" 1 \
    jdock pull "$REG_HOST/jdock-small"
}

test_an_anonymous_pull_works_where_the_issuer_allows_it() {
  fresh
  REG_ANONYMOUS=pull registry_start token
  registry_push jdock-small open:latest
  run jdock pull "$REG_HOST/open"
  assert_eq 0 "$status"
  assert_eq "$(fx_image_id jdock-small)" "$(store_image_id "$REG_HOST/open:latest")"
  assert_contains "$(cat "$ISSUER_LOG")" "user=<anonymous> service=$REG_SERVICE scope=repository:open:pull granted=repository:open:pull status=200"
}
