# jdock image prune: docker's prompt, what goes with and without -a, the reclaimed space, filters.

setup_file() {
  TEST_ID=$(fx_image_id jdock-test)
  SMALL_ID=$(fx_image_id jdock-small)
  PROMPT=$'WARNING! This will remove all dangling images.\nAre you sure you want to continue? [y/N] '
}

# Two images, jdock-test made dangling by moving its tag to jdock-small.
two_images_one_dangling() {
  store_add jdock-test
  store_add jdock-small
  jdock tag jdock-small jdock-test
}

# deleted_lines IMAGE: "deleted: " lines of an image and of its layers (chain IDs, top first).
deleted_lines() {
  echo "deleted: $(fx_image_id "$1")"
  chain_ids "$1" | tac | sed 's/^/deleted: /'
}

test_without_yes_nothing_is_removed() {
  two_images_one_dangling
  run jdock image prune </dev/null
  assert_eq 0 "$status"
  assert_eq "$PROMPT" "$output"
  run jdock image prune <<<"n"
  assert_eq "$PROMPT" "$output"
  assert_eq "" "$stderr"
  assert_ok jdock images -aq --no-trunc
  assert_line "$output" "$TEST_ID"
}

test_yes_removes_dangling_images_and_reports_the_space() {
  run jdock image prune <<<"y"
  assert_eq 0 "$status"
  assert_eq "$PROMPT"$'Deleted Images:\n'"$(deleted_lines jdock-test)"$'\n\n'"Total reclaimed space: $(human_size 4 "$(image_blob_size jdock-test)")" \
    "$output"
  # jdock-small is left, with both tags.
  assert_ok jdock images -aq --no-trunc
  assert_output "$SMALL_ID" "$SMALL_ID"
  assert_ok jdock image prune -f
  assert_output "Total reclaimed space: 0B"
}

test_all_removes_unused_tagged_images() {
  run jdock image prune -a <<<"Y"
  assert_eq $'WARNING! This will remove all images without at least one container associated to them.\nAre you sure you want to continue? [y/N] Deleted Images:' \
    "$(head -n 2 "$output_file")"
  assert_line "$output" "untagged: jdock-small:latest"
  assert_line "$output" "untagged: jdock-test:latest"
  assert_line "$output" "deleted: $SMALL_ID"
  assert_line "$output" "Total reclaimed space: $(human_size 4 "$(image_blob_size jdock-small)")"
  assert_ok jdock images -aq
  assert_eq "" "$output"
  assert_not_exists "$JDOCK_ROOT/blobs/sha256/${SMALL_ID#sha256:}"
}

test_filters() {
  two_images_one_dangling
  assert_ok jdock image prune -f --filter until=2024-01-01T00:00:00Z
  assert_output "Total reclaimed space: 0B"
  assert_ok jdock image prune -f --filter label=org.jdock.fixture=jdock-small
  assert_output "Total reclaimed space: 0B"
  assert_ok jdock image prune -f --filter 'label!=org.jdock.fixture=jdock-small' --filter until=24h
  assert_line "$output" "deleted: $TEST_ID"
  assert_fails_with "Error response from daemon: invalid filter 'reference'" 1 \
    jdock image prune -f --filter reference=x
  assert_fails_with 'invalid argument "until" for "--filter" flag: bad format of filter (expected name=value)' \
    125 jdock image prune --filter until
  assert_fails_with "jdock: 'jdock image prune' accepts no arguments" 1 jdock image prune x
}
