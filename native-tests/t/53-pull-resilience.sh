# jdock pull when things go wrong: a connection cut mid-blob (resumed with a Range request), a
# pull killed with SIGKILL mid-download (no image, no partial blob; the next pull reuses the
# completed blobs), and two pulls of one image at once into one store. The network faults come
# from lib/blob_proxy.py in front of a plain-http docker-registry.

setup_file() {
  registry_start http
  registry_push jdock-test jdock-test:latest
  TEST_DIGEST=$(registry_digest jdock-test:latest)
  mapfile -t TEST_LAYERS < <(registry_inspect jdock-test:latest --raw | jq -r '.layers[].digest')
}

own_store() { export JDOCK_ROOT=$NT_CASE_DIR/root; }

short() { local d=${1#sha256:}; echo "${d:0:12}"; }

# blobs_verify [ROOT]: every blob's content has the digest its name says.
blobs_verify() {
  local f
  for f in "${1:-$JDOCK_ROOT}"/blobs/sha256/*; do
    [[ $(sha256sum <"$f" | cut -d' ' -f1) == "$(basename "$f")" ]] || { fail "blob $f is corrupt"; return 1; }
  done
}

test_a_download_cut_midway_is_resumed_with_a_range_request() {
  own_store
  proxy_start --cut-once-after 5000000
  run jdock pull "$PROXY_HOST/jdock-test"
  assert_eq 0 "$status"
  assert_line "$output" "Status: Downloaded newer image for $PROXY_HOST/jdock-test:latest"
  local big=/v2/jdock-test/blobs/${TEST_LAYERS[0]}
  assert_line "$(cat "$PROXY_LOG")" "CUT $big after=5000000"
  # Resumed from the bytes jdock held: at most the 5000000 sent (the JDK's HttpClient drops what it
  # buffered but had not yet handed over when the connection broke), and well past the start.
  local from
  from=$(sed -n "s|^GET $big range=bytes=\([0-9]*\)- status=206\$|\1|p" "$PROXY_LOG")
  [[ $from =~ ^[0-9]+$ ]] || fail "no resumed GET of $big in: $(cat "$PROXY_LOG")"
  ((from > 4000000 && from <= 5000000)) || fail "resumed at byte $from, not at what was received"
  assert_eq "$(fx_image_id jdock-test)" "$(store_image_id "$PROXY_HOST/jdock-test:latest")"
  blobs_verify
  assert_eq "" "$(store_leftovers)"
}

test_a_pull_killed_mid_download_leaves_no_image_and_the_next_reuses_completed_blobs() {
  own_store
  # The base layer (51 MB) comes at 2 MB/s the first time, the small ones at once.
  proxy_start --rate 2000000
  "$NT_JDOCK" pull "$PROXY_HOST/jdock-test" >killed.out 2>&1 &
  local pid=$! layer
  for layer in "${TEST_LAYERS[@]:1}"; do
    wait_for "store_has_blob $layer"
  done
  wait_for "[[ -n \$(find '$JDOCK_ROOT/tmp' -name 'blob-*' -size +1k 2>/dev/null) ]]"
  kill -KILL "$pid"
  wait "$pid" || true

  assert_eq "" "$(store_refs)" "no image after the kill"
  if store_has_blob "${TEST_LAYERS[0]}"; then fail "the interrupted blob is visible"; fi
  assert_ne "" "$(store_leftovers)" "the killed process's temp dir (with its partial blob)"

  run jdock pull "$PROXY_HOST/jdock-test"
  assert_eq 0 "$status"
  for layer in "${TEST_LAYERS[@]:1}"; do
    assert_line "$output" "$(short "$layer"): Already exists"
  done
  assert_line "$output" "$(short "${TEST_LAYERS[0]}"): Pull complete"
  assert_line "$output" "Status: Downloaded newer image for $PROXY_HOST/jdock-test:latest"
  assert_eq "$(fx_image_id jdock-test)" "$(store_image_id "$PROXY_HOST/jdock-test:latest")"
  assert_eq 1 "$(grep -c "GET /v2/jdock-test/blobs/${TEST_LAYERS[1]} " "$PROXY_LOG")" \
    "a completed blob is downloaded once"
  assert_eq "" "$(store_leftovers)" "the dead process's temp dir is cleaned"
  blobs_verify
}

test_two_pulls_of_one_image_at_once_both_succeed() {
  own_store
  "$NT_JDOCK" pull "$REG_HOST/jdock-test" >a.out 2>a.err &
  local a=$!
  "$NT_JDOCK" pull "$REG_HOST/jdock-test" >b.out 2>b.err &
  local b=$!
  wait "$a" || fail "first pull failed: $(cat a.err)"
  wait "$b" || fail "second pull failed: $(cat b.err)"
  assert_eq "$REG_HOST/jdock-test:latest" "$(tail -n 1 a.out)"
  assert_eq "$REG_HOST/jdock-test:latest" "$(tail -n 1 b.out)"
  assert_eq "$REG_HOST/jdock-test:latest"$'\n'"$REG_HOST/jdock-test@$TEST_DIGEST" "$(store_refs)" \
    "one entry per reference"
  assert_eq "$(fx_image_id jdock-test)" "$(store_image_id "$REG_HOST/jdock-test:latest")"
  assert_eq 5 "$(store_layer_dirs | wc -l)" "extracted layers"
  blobs_verify
  assert_eq "" "$(store_leftovers)"
  run jdock pull "$REG_HOST/jdock-test"
  assert_line "$output" "Status: Image is up to date for $REG_HOST/jdock-test:latest"
}
