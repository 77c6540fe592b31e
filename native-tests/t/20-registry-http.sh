# lib/registry.sh, plain http mode: a real docker-registry that skopeo pushes to and reads back.

setup_file() {
  registry_start http
  registry_push jdock-small jdock-small:latest
  registry_push jdock-small library/jdock-small:1.0
}

test_v2_answers_without_auth() {
  run registry_curl /v2/ -o /dev/null -w '%{http_code}'
  assert_eq 200 "$output" "GET /v2/"
}

test_pushed_image_reads_back_with_the_same_image_id() {
  run registry_inspect jdock-small:latest --config --raw
  assert_eq 0 "$status"
  assert_eq "$(fx_image_id jdock-small)" "sha256:$(sha256sum <"$output_file" | cut -d' ' -f1)" "image ID"
  run registry_inspect library/jdock-small:1.0
  assert_eq 0 "$status"
  assert_eq "org.jdock.fixture=jdock-small" "$(jq -r '.Labels | to_entries[] | "\(.key)=\(.value)"' "$output_file")"
}

test_catalog_and_tags_list_the_pushes() {
  run registry_curl /v2/_catalog
  assert_eq '["jdock-small","library/jdock-small"]' "$(jq -c .repositories <<<"$output")"
  run registry_curl /v2/library/jdock-small/tags/list
  assert_eq '["1.0"]' "$(jq -c .tags <<<"$output")"
}

test_a_corrupted_blob_is_served_and_caught_by_digest_checks() {
  local layer
  registry_push jdock-small corrupt-me:latest
  layer=$(registry_inspect corrupt-me:latest --raw | jq -r '.layers[0].digest')
  registry_corrupt_blob "$layer" flip
  # The registry serves the damaged bytes as they are; a client that checks digests refuses them.
  run registry_curl "/v2/corrupt-me/blobs/$layer" -o blob
  assert_eq 0 "$status"
  assert_ne "$layer" "sha256:$(sha256sum <blob | cut -d' ' -f1)" "digest of the served blob"
  run skopeo copy --src-tls-verify=false "docker://$REG_HOST/corrupt-me:latest" "oci:$NT_CASE_DIR/copy:latest"
  assert_ne 0 "$status" "skopeo copy of a corrupted image"
  assert_contains "$stderr" "Digest did not match"
}

test_a_dropped_blob_gives_blob_unknown() {
  local layer
  registry_push jdock-small drop-me:latest
  layer=$(registry_inspect drop-me:latest --raw | jq -r '.layers[0].digest')
  registry_corrupt_blob "$layer" drop
  run registry_curl "/v2/drop-me/blobs/$layer" -o body -w '%{http_code}'
  assert_eq 404 "$output"
  assert_contains "$(cat body)" BLOB_UNKNOWN
}

test_stop_ends_the_server() {
  local saved_dir=$REG_DIR saved_url=$REG_URL
  registry_start http
  registry_stop
  run curl -s -o /dev/null "$REG_URL/v2/"
  assert_ne 0 "$status" "curl after registry_stop"
  # The registry of setup_file is still there.
  run curl -s -o /dev/null -w '%{http_code}' "$saved_url/v2/"
  assert_eq 200 "$output"
  assert_ne "$saved_dir" "$REG_DIR"
}
