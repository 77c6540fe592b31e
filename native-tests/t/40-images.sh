# jdock images / image ls on the fixture images: docker's columns, IDs, sizes, formats and filters.
# The store is filled with skopeo (it is an OCI layout); `jdock load` is tested in 30-39.

setup_file() {
  store_add jdock-test
  store_add jdock-small
  TEST_ID=$(fx_image_id jdock-test)
  SMALL_ID=$(fx_image_id jdock-small)
  CREATED=$(date -d "$NT_FIXTURE_CREATED" +%s)
}

# row REPO TAG ID SIZE-BYTES: one line of the default table, widths as docker's tabwriter makes them
# for these two images (REPOSITORY 14, TAG 10, IMAGE ID 15, CREATED = "N years ago" + 3).
row() {
  local ago
  ago=$(human_ago "$CREATED")
  printf '%-14s%-10s%-15s%-*s%s\n' "$1" "$2" "${3:7:12}" $((${#ago} + 3)) "$ago" "$(human_size 3 "$4")"
}

test_default_table_lists_each_tag_with_dockers_columns() {
  local ago
  ago=$(human_ago "$CREATED")
  assert_ok jdock images
  assert_eq "" "$stderr"
  assert_eq "$(printf '%-14s%-10s%-15s%-*s%s\n' REPOSITORY TAG "IMAGE ID" $((${#ago} + 3)) CREATED SIZE
    row jdock-test latest "$TEST_ID" "$(image_blob_size jdock-test)"
    row jdock-small latest "$SMALL_ID" "$(image_blob_size jdock-small)")" "$output"
  run jdock image ls
  assert_eq "$(jdock images)" "$output" "image ls = images"
  run jdock image list
  assert_eq "$(jdock images)" "$output" "image list = images"
}

test_quiet_and_no_trunc_ids_are_the_config_digests() {
  assert_ok jdock images -q --no-trunc
  assert_output "$TEST_ID" "$SMALL_ID"
  assert_ok jdock images -q
  assert_output "${TEST_ID:7:12}" "${SMALL_ID:7:12}"
}

test_json_format_has_dockers_keys() {
  assert_ok jdock images --format json jdock-small
  assert_eq "N/A|$(human_ago "$CREATED")|<none>|${SMALL_ID:7:12}|jdock-small|latest" \
    "$(jq -r '[.Containers, .CreatedSince, .Digest, .ID, .Repository, .Tag] | join("|")' <<<"$output")"
  # docker's contexts marshal with HTML escaping and sorted keys.
  assert_contains "$output" '"Digest":"\u003cnone\u003e"'
  assert_eq "Containers,CreatedAt,CreatedSince,Digest,ID,Repository,SharedSize,Size,Tag,UniqueSize,VirtualSize" \
    "$(jq -r 'keys_unsorted | join(",")' <<<"$output")"
}

test_templates_and_table_templates() {
  assert_ok jdock images --format '{{.Repository}}:{{.Tag}} {{.Size}}'
  assert_output "jdock-test:latest $(human_size 3 "$(image_blob_size jdock-test)")" \
    "jdock-small:latest $(human_size 3 "$(image_blob_size jdock-small)")"
  assert_ok jdock images --format 'table {{.Repository}}\t{{.ID}}' jdock-small
  assert_output "REPOSITORY    IMAGE ID" "jdock-small   ${SMALL_ID:7:12}"
  assert_ok jdock images --digests --format 'table {{.Repository}}' jdock-small
  assert_output "REPOSITORY    DIGEST" "jdock-small   <none>"
}

test_reference_argument_is_a_glob() {
  assert_ok jdock images --format '{{.Repository}}' 'jdock-*'
  assert_output jdock-test jdock-small
  assert_ok jdock images --format '{{.Repository}}' 'jdock-s?all:latest'
  assert_output jdock-small
  assert_ok jdock images --format '{{.Repository}}' jdock
  assert_eq "" "$output"
  assert_eq "" "$stderr"
}

test_filters() {
  assert_ok jdock images -q -f label=org.jdock.fixture=jdock-small
  assert_output "${SMALL_ID:7:12}"
  assert_ok jdock images -q -f label=org.jdock.fixture -f reference=jdock-test
  assert_output "${TEST_ID:7:12}"
  assert_ok jdock images -q -f until=2024-01-03
  assert_output "${TEST_ID:7:12}" "${SMALL_ID:7:12}"
  assert_ok jdock images -q -f until=2024-01-02T03:04:05Z
  assert_eq "" "$output"
  assert_ok jdock images -q -f dangling=true
  assert_eq "" "$output"
}

test_bad_filters_are_dockers_errors() {
  assert_fails_with "Error response from daemon: invalid filter 'color'" 1 jdock images -f color=red
  assert_eq "" "$output"
  assert_fails_with "Error response from daemon: invalid filter 'dangling=[yes]'" 1 \
    jdock images --filter dangling=yes
  assert_fails_with "Error response from daemon: No such image: nope:latest" 1 jdock images -f since=nope
  assert_fails_with 'invalid argument "color" for "-f, --filter" flag: bad format of filter (expected name=value)' \
    125 jdock images -f color
  assert_fails_with "jdock: 'jdock images' requires at most 1 argument" 1 jdock images a b
}

test_an_image_subcommand_as_name_draws_dockers_hint() {
  assert_ok jdock images ls
  assert_eq "REPOSITORY   TAG       IMAGE ID   CREATED   SIZE" "$output"
  assert_eq 'No images found matching "ls": did you mean "jdock image ls"?' "$(sed '/^$/d' "$stderr_file")"
}
