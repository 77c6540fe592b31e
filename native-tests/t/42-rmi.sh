# jdock rmi / image rm: Untagged/Deleted lines, each conflict docker reports, errors of several
# arguments, and a store other OCI tools still read afterwards.

setup_file() {
  TEST_ID=$(fx_image_id jdock-test)
  SMALL_ID=$(fx_image_id jdock-small)
  SMALL_CHAIN_IDS=$(chain_ids jdock-small | tac)
}

test_rmi_untags_then_deletes_image_and_layers() {
  store_add jdock-small
  assert_ok jdock tag jdock-small other:1
  assert_ok jdock rmi other:1
  assert_output "Untagged: other:1"
  assert_ok jdock image rm jdock-small
  local expected=("Untagged: jdock-small:latest" "Deleted: $SMALL_ID") d
  while read -r d; do expected+=("Deleted: $d"); done <<<"$SMALL_CHAIN_IDS"
  assert_output "${expected[@]}"
  assert_eq "" "$stderr"
  assert_ok jdock images -aq
  assert_eq "" "$output"
  # The content went with the image, and the layout is still one other OCI tools read.
  assert_not_exists "$JDOCK_ROOT/blobs/sha256/${SMALL_ID#sha256:}"
  need umoci
  assert_ok umoci ls --layout "$JDOCK_ROOT"
  assert_eq "" "$output"
}

test_an_id_in_several_repositories_must_be_forced() {
  store_add jdock-small
  assert_ok jdock tag jdock-small second:1
  assert_fails_with "Error response from daemon: conflict: unable to delete ${SMALL_ID:7:12} (must be forced) - image is referenced in multiple repositories" \
    1 jdock rmi "${SMALL_ID:7:12}"
  assert_ok jdock rmi -f "${SMALL_ID:7:12}"
  assert_line "$output" "Untagged: jdock-small:latest"
  assert_line "$output" "Untagged: second:1"
  assert_line "$output" "Deleted: $SMALL_ID"
}

test_a_parent_with_a_child_cannot_be_deleted() {
  store_add jdock-test
  store_add jdock-small
  index_set_parent docker.io/library/jdock-small:latest "$TEST_ID"
  local conflict="Error response from daemon: conflict: unable to delete ${TEST_ID:7:12} (cannot be forced) - image has dependent child images"
  assert_fails_with "$conflict" 1 jdock rmi "$TEST_ID"
  assert_fails_with "$conflict" 1 jdock rmi -f "${TEST_ID:7:12}"
  # By name only the tag goes: the parent stays, hidden as an intermediate image.
  assert_ok jdock rmi jdock-test
  assert_output "Untagged: jdock-test:latest"
  assert_ok jdock images -q
  assert_output "${SMALL_ID:7:12}"
  # Both were created at the same second: docker leaves their order open.
  assert_eq "$(printf '%s\n' "${TEST_ID:7:12}" "${SMALL_ID:7:12}" | sort)" "$(jdock images -aq | sort)"
  # Removing the child prunes the untagged parent with it.
  assert_ok jdock rmi jdock-small
  assert_line "$output" "Deleted: $SMALL_ID"
  assert_line "$output" "Deleted: $TEST_ID"
  assert_ok jdock images -aq
  assert_eq "" "$output"
}

test_every_argument_is_processed_and_errors_come_last() {
  store_add jdock-small
  store_add jdock-small keep:1
  run jdock rmi nope keep:1 "sha256:abcdef0123"
  assert_eq 1 "$status"
  assert_output "Untagged: keep:1"
  assert_eq $'Error response from daemon: No such image: nope:latest\nError response from daemon: No such image: sha256:abcdef0123' "$stderr"
  # With -f, missing images alone do not fail the command.
  run jdock rmi -f nope
  assert_eq 0 "$status"
  assert_eq "Error response from daemon: No such image: nope:latest" "$stderr"
  assert_fails_with "Error response from daemon: invalid reference format: repository name (library/Bad) must be lowercase" \
    1 jdock rmi -f nope Bad
  assert_fails_with "jdock: 'jdock rmi' requires at least 1 argument" 1 jdock rmi
  assert_ok jdock rmi jdock-small
}
