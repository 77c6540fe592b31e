# jdock tag / image tag: docker's client checks, silent success, a retag moves the tag.

setup_file() {
  store_add jdock-test
  store_add jdock-small
  TEST_ID=$(fx_image_id jdock-test)
  SMALL_ID=$(fx_image_id jdock-small)
}

test_tag_by_name_and_id_prints_nothing() {
  assert_ok jdock tag jdock-small localhost:5000/team/small:1
  assert_eq "" "$output"
  assert_eq "" "$stderr"
  assert_ok jdock image tag "${TEST_ID:7:6}" test-by-prefix
  assert_ok jdock tag "$TEST_ID" test-by-id:2
  assert_ok jdock images --format '{{.Repository}}:{{.Tag}} {{.ID}}'
  assert_line "$output" "localhost:5000/team/small:1 ${SMALL_ID:7:12}"
  assert_line "$output" "test-by-prefix:latest ${TEST_ID:7:12}"
  assert_line "$output" "test-by-id:2 ${TEST_ID:7:12}"
  # Other OCI tools see the tags: the store stays an OCI layout.
  run skopeo inspect --raw "oci:$JDOCK_ROOT:localhost:5000/team/small:1"
  assert_eq 0 "$status"
  assert_eq "$SMALL_ID" "$(jq -r .config.digest <<<"$output")"
}

test_retag_moves_the_tag_and_sets_last_tag_time() {
  assert_ok jdock tag jdock-small moving:1
  assert_ok jdock tag jdock-test moving:1
  assert_ok jdock images -q --no-trunc moving:1
  assert_output "$TEST_ID"
  assert_ok jdock image inspect -f '{{.Metadata.LastTagTime}}' moving:1
  assert_ne "0001-01-01 00:00:00 +0000 UTC" "$output"
  assert_match "$output" '^20[0-9][0-9]-[0-9][0-9]-[0-9][0-9] [0-9:.]+ \+0000 UTC$'
}

test_refusals_are_dockers() {
  assert_fails_with 'Error parsing reference: "Bad" is not a valid repository/tag: invalid reference format: repository name (library/Bad) must be lowercase' \
    1 jdock tag jdock-small Bad
  assert_fails_with 'Error parsing reference: "a b" is not a valid repository/tag: invalid reference format' \
    1 jdock tag "a b" x
  assert_fails_with "refusing to create a tag with a digest reference" 1 \
    jdock tag jdock-small "x@sha256:$(printf '1%.0s' {1..64})"
  assert_fails_with "Error response from daemon: No such image: nope:latest" 1 jdock tag nope x
  assert_fails_with "Error response from daemon: refusing to create an ambiguous tag using digest algorithm as name" \
    1 jdock tag jdock-small sha256:x
  assert_fails_with "jdock: 'jdock tag' requires 2 arguments" 1 jdock tag jdock-small
  assert_ok jdock images -q x
  assert_eq "" "$output"
}
