# jdock system df: docker's summary table and its verbose and json forms.

setup_file() {
  TEST_ID=$(fx_image_id jdock-test)
  SMALL_ID=$(fx_image_id jdock-small)
}

test_an_empty_store() {
  assert_ok jdock system df
  assert_output \
    "TYPE            TOTAL     ACTIVE    SIZE      RECLAIMABLE" \
    "Images          0         0         0B        0B" \
    "Containers      0         0         0B        0B" \
    "Local Volumes   0         0         0B        0B" \
    "Build Cache     0         0         0B        0B"
}

test_two_images() {
  store_add jdock-test
  store_add jdock-small
  local size
  size=$(human_size 4 $(($(image_blob_size jdock-test) + $(image_blob_size jdock-small))))
  assert_ok jdock system df
  assert_line "$output" "$(printf '%-16s%-10s%-10s%-10s%s' Images 2 0 "$size" "$size (100%)")"
  assert_line "$output" "Containers      0         0         0B        0B"
  assert_ok jdock system df --format json
  assert_eq "Images:2:$size Containers:0:0B Local Volumes:0:0B Build Cache:0:0B" \
    "$(jq -r '.Type + ":" + .TotalCount + ":" + .Size' <<<"$output" | paste -sd' ')"
  assert_ok jdock system df --format '{{.Type}}\t{{.Active}}'
  assert_line "$output" $'Images\t0'
}

test_verbose() {
  assert_ok jdock system df -v
  assert_eq "Images space usage:" "$(sed -n 1p "$output_file")"
  assert_match "$(sed -n 3p "$output_file")" '^REPOSITORY +TAG +IMAGE ID +CREATED +SIZE +SHARED SIZE +UNIQUE SIZE +CONTAINERS$'
  assert_match "$output" "jdock-small +latest +${SMALL_ID:7:12} .* 0B +[0-9.]+[kM]?B +0"
  assert_match "$output" "jdock-test +latest +${TEST_ID:7:12} .* 0B +[0-9.]+MB +0"
  assert_line "$output" "Containers space usage:"
  assert_line "$output" "CONTAINER ID   IMAGE     COMMAND   LOCAL VOLUMES   SIZE      CREATED   STATUS    NAMES"
  assert_line "$output" "VOLUME NAME   LINKS     SIZE"
  assert_line "$output" "Build cache usage: 0B"
  assert_eq "CACHE ID   CACHE TYPE   SIZE      CREATED   LAST USED   USAGE     SHARED" "$(tail -n 1 "$output_file")"
}
