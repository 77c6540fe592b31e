# jdock push to a plain-http docker-registry: docker's output, the stored manifest pushed byte for
# byte (same digest, as skopeo sees it), layers mounted from the repository the image came from or
# uploaded, and the image pulled back by digest into another store has the same ID.

setup_file() {
  registry_start http
  registry_push jdock-small jdock-small:latest
  SMALL_DIGEST=$(registry_digest jdock-small:latest)
  mapfile -t SMALL_LAYERS < <(registry_inspect jdock-small:latest --raw | jq -r '.layers[].digest')
}

own_store() { export JDOCK_ROOT=$NT_CASE_DIR/root; }

short() { local d=${1#sha256:}; echo "${d:0:12}"; }

manifest_size() { stat -c %s "$JDOCK_ROOT/blobs/sha256/${SMALL_DIGEST#sha256:}"; }

test_push_to_a_new_repository_then_pull_back_by_digest() {
  own_store
  assert_ok jdock pull -q "$REG_HOST/jdock-small"
  store_tag "$REG_HOST/jdock-small:latest" "$REG_HOST/copied:v1"
  run jdock push "$REG_HOST/copied:v1"
  assert_eq 0 "$status"
  assert_eq "" "$stderr"
  mapfile -t lines <<<"$output"
  assert_eq "The push refers to repository [$REG_HOST/copied]" "${lines[0]}"
  assert_eq "$(short "${SMALL_LAYERS[1]}"): Preparing" "${lines[1]}" "top layer first"
  assert_eq "$(short "${SMALL_LAYERS[0]}"): Preparing" "${lines[2]}"
  assert_line "$output" "$(short "${SMALL_LAYERS[0]}"): Mounted from jdock-small"
  assert_line "$output" "$(short "${SMALL_LAYERS[1]}"): Mounted from jdock-small"
  assert_eq "v1: digest: $SMALL_DIGEST size: $(manifest_size)" "${lines[-1]}"
  assert_eq 6 "${#lines[@]}" "line count"
  assert_eq "$SMALL_DIGEST" "$(registry_digest copied:v1)" "skopeo sees the stored manifest"
  assert_line "$(store_refs)" "$REG_HOST/copied@$SMALL_DIGEST" "the push is recorded as a RepoDigest"

  export JDOCK_ROOT=$NT_CASE_DIR/second-root
  run jdock pull "$REG_HOST/copied@$SMALL_DIGEST"
  assert_eq 0 "$status"
  assert_eq "$(fx_image_id jdock-small)" "$(store_image_id "$REG_HOST/copied@$SMALL_DIGEST")"
}

test_push_rmi_then_pull_back_by_digest_in_the_same_store() {
  own_store
  assert_ok jdock pull -q "$REG_HOST/jdock-small"
  assert_ok jdock tag "$REG_HOST/jdock-small" "$REG_HOST/roundtrip:1"
  assert_ok jdock push "$REG_HOST/roundtrip:1"
  local pushed
  pushed=$(registry_digest roundtrip:1)
  assert_eq "$SMALL_DIGEST" "$pushed" "skopeo's digest of the pushed manifest"
  assert_ok jdock rmi "$REG_HOST/roundtrip:1" "$REG_HOST/jdock-small"
  assert_line "$output" "Deleted: $(fx_image_id jdock-small)"
  assert_eq "" "$(store_refs)"
  run jdock pull "$REG_HOST/roundtrip@$pushed"
  assert_eq 0 "$status"
  assert_line "$output" "Status: Downloaded newer image for $REG_HOST/roundtrip@$pushed"
  run jdock image inspect --format '{{.Id}}' "$REG_HOST/roundtrip@$pushed"
  assert_output "$(fx_image_id jdock-small)"
}

test_push_uploads_what_another_registry_lacks() {
  own_store
  assert_ok jdock pull -q "$REG_HOST/jdock-small"
  local from=$REG_HOST
  registry_start http
  store_tag "$from/jdock-small:latest" "$REG_HOST/fresh:1"
  run jdock push "$REG_HOST/fresh:1"
  assert_eq 0 "$status"
  assert_line "$output" "$(short "${SMALL_LAYERS[0]}"): Pushed"
  assert_line "$output" "$(short "${SMALL_LAYERS[1]}"): Pushed"
  assert_eq "1: digest: $SMALL_DIGEST size: $(manifest_size)" "$(tail -n 1 <<<"$output")"
  run registry_inspect fresh:1 --config --raw
  assert_eq "$(fx_image_id jdock-small)" "sha256:$(sha256sum <"$output_file" | cut -d' ' -f1)" \
    "the config skopeo reads back"

  # Pushing again finds everything there.
  run jdock push "$REG_HOST/fresh:1"
  assert_eq 0 "$status"
  assert_line "$output" "$(short "${SMALL_LAYERS[0]}"): Layer already exists"

  export JDOCK_ROOT=$NT_CASE_DIR/second-root
  assert_ok jdock pull "$REG_HOST/fresh@$SMALL_DIGEST"
  assert_eq "$(fx_image_id jdock-small)" "$(store_image_id "$REG_HOST/fresh@$SMALL_DIGEST")"
}

test_quiet_push_prints_the_reference() {
  own_store
  assert_ok jdock pull -q "$REG_HOST/jdock-small"
  store_tag "$REG_HOST/jdock-small:latest" "$REG_HOST/quiet:latest"
  run jdock push -q "$REG_HOST/quiet"
  assert_eq 0 "$status"
  assert_output "$REG_HOST/quiet:latest"
}

test_all_tags_pushes_every_tag_of_the_repository() {
  own_store
  assert_ok jdock pull -q "$REG_HOST/jdock-small"
  store_tag "$REG_HOST/jdock-small:latest" "$REG_HOST/many:a"
  store_tag "$REG_HOST/jdock-small:latest" "$REG_HOST/many:b"
  run jdock push -a "$REG_HOST/many"
  assert_eq 0 "$status"
  assert_eq 1 "$(grep -c '^The push refers to repository' <<<"$output")"
  assert_line "$output" "a: digest: $SMALL_DIGEST size: $(manifest_size)"
  assert_line "$output" "b: digest: $SMALL_DIGEST size: $(manifest_size)"
  assert_eq "$SMALL_DIGEST" "$(registry_digest many:b)"
}

test_a_missing_image_fails_with_dockers_words() {
  own_store
  run jdock push "$REG_HOST/nothing"
  assert_eq 1 "$status"
  assert_output "Using default tag: latest" "The push refers to repository [$REG_HOST/nothing]"
  assert_eq "An image does not exist locally with the tag: $REG_HOST/nothing" "$stderr"
  assert_fails_with "tag can't be used with --all-tags/-a" 1 jdock push -a "$REG_HOST/nothing:1"
  assert_fails_with "jdock: 'jdock push' requires 1 argument" 1 jdock push
}
