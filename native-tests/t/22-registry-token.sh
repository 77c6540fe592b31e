# lib/registry.sh, token mode: docker-registry with auth.token and the test's own issuer
# (lib/TokenIssuer.java, RS256 JWTs with an x5c header).

setup_file() {
  registry_start token
  registry_push jdock-small jdock-small:latest
}

test_v2_sends_a_bearer_challenge_naming_the_issuer() {
  run curl -sS -o /dev/null -D headers -w '%{http_code}' "$REG_URL/v2/"
  assert_eq 401 "$output"
  assert_eq "Bearer realm=\"$ISSUER_URL/token\",service=\"$REG_SERVICE\"" "$(http_header headers WWW-Authenticate)"
}

test_skopeo_pushed_with_a_token_for_push_and_pull() {
  assert_contains "$(cat "$ISSUER_LOG")" "user=jdock service=$REG_SERVICE scope=repository:jdock-small:pull,push granted=repository:jdock-small:pull,push status=200"
}

test_pushed_image_reads_back_with_a_token() {
  run registry_inspect jdock-small:latest --config --raw
  assert_eq 0 "$status"
  assert_eq "$(fx_image_id jdock-small)" "sha256:$(sha256sum <"$output_file" | cut -d' ' -f1)" "image ID"
}

test_a_token_from_the_issuer_opens_the_manifest() {
  local token
  token=$(registry_token repository:jdock-small:pull)
  run curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" \
    -H "Accept: application/vnd.oci.image.manifest.v1+json" "$REG_URL/v2/jdock-small/manifests/latest"
  assert_eq 200 "$output"
  run curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer not.a.token" "$REG_URL/v2/jdock-small/manifests/latest"
  assert_eq 401 "$output" "a forged token"
}

test_anonymous_clients_get_no_access() {
  run skopeo inspect --tls-verify=false "docker://$REG_HOST/jdock-small:latest"
  assert_ne 0 "$status"
  assert_match "$stderr" "unauthorized|authentication required|denied"
  assert_contains "$(cat "$ISSUER_LOG")" "user=<anonymous> service=$REG_SERVICE scope=repository:jdock-small:pull granted=repository:jdock-small: status=200"
}

test_wrong_credentials_get_401_from_the_issuer() {
  run curl -sS -o /dev/null -w '%{http_code}' -u "$REG_USER:wrong" "$ISSUER_URL/token?service=$REG_SERVICE&scope=repository:x:pull"
  assert_eq 401 "$output"
  run curl -sS -o /dev/null -w '%{http_code}' -u "$REG_USER:$REG_PASS" "$ISSUER_URL/token?service=other&scope=repository:x:pull"
  assert_eq 400 "$output" "a wrong service"
}

test_refresh_tokens_work_like_docker_identity_tokens() {
  local refresh token
  run curl -sS -u "$REG_USER:$REG_PASS" "$ISSUER_URL/token?service=$REG_SERVICE&scope=repository:jdock-small:pull&offline_token=true"
  refresh=$(jq -r .refresh_token <<<"$output")
  assert_match "$refresh" '^[0-9a-f]+$' "refresh_token"
  run curl -sS -d grant_type=refresh_token -d "refresh_token=$refresh" -d "service=$REG_SERVICE" \
    -d scope=repository:jdock-small:pull "$ISSUER_URL/token"
  token=$(jq -r .access_token <<<"$output")
  run curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $token" "$REG_URL/v2/jdock-small/tags/list"
  assert_eq 200 "$output"
}

test_anonymous_pull_can_be_allowed() {
  REG_ANONYMOUS=pull registry_start token
  registry_push jdock-small open:latest
  run skopeo inspect --tls-verify=false "docker://$REG_HOST/open:latest"
  assert_eq 0 "$status" "anonymous pull"
  assert_eq jdock-small "$(jq -r '.Labels["org.jdock.fixture"]' <<<"$output")"
}
