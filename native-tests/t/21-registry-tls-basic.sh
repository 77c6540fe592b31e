# lib/registry.sh, TLS + htpasswd mode: https with a CA made by the test, Basic auth (bcrypt).

setup_file() {
  registry_start tls-basic
  registry_push jdock-small jdock-small:latest
}

test_v2_needs_credentials_and_sends_a_basic_challenge() {
  run curl -sS --cacert "$REG_CA" -o /dev/null -D headers -w '%{http_code}' "$REG_URL/v2/"
  assert_eq 401 "$output"
  assert_eq 'Basic realm="jdock-test-registry"' "$(http_header headers WWW-Authenticate)"
  run registry_curl /v2/ -o /dev/null -w '%{http_code}'
  assert_eq 200 "$output" "GET /v2/ with credentials"
}

test_the_certificate_is_checked_against_the_test_ca() {
  run curl -sS -o /dev/null "$REG_URL/v2/"
  assert_eq 60 "$status" "curl without the test CA (60: certificate problem)"
  run curl -sS --cacert "$REG_CA" -o /dev/null -w '%{http_code}' "https://localhost:$REG_PORT/v2/"
  assert_eq 401 "$output" "the certificate also names localhost"
  assert_file "$REG_CERT_DIR/ca.crt"
}

test_pushed_image_reads_back_through_tls_and_basic_auth() {
  run registry_inspect jdock-small:latest --config --raw
  assert_eq 0 "$status"
  assert_eq "$(fx_image_id jdock-small)" "sha256:$(sha256sum <"$output_file" | cut -d' ' -f1)" "image ID"
}

test_a_wrong_password_is_refused() {
  run skopeo inspect --cert-dir "$REG_CERT_DIR" --creds "$REG_USER:wrong" "docker://$REG_HOST/jdock-small:latest"
  assert_ne 0 "$status"
  assert_match "$stderr" "unauthorized|authentication required"
}

test_without_the_ca_skopeo_refuses_the_certificate() {
  run skopeo inspect --creds "$REG_USER:$REG_PASS" "docker://$REG_HOST/jdock-small:latest"
  assert_ne 0 "$status"
  assert_contains "$stderr" "certificate signed by unknown authority"
}
