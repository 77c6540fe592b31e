# jdock pull from a plain-http docker-registry on 127.0.0.1 (loopback: http, as the registry
# package decides): docker's output, the store's records (image ID = skopeo's config digest,
# RepoDigests = the registry's digest), extraction, digests, platforms and docker's errors.
# Each test pulls into a store of its own.

setup_file() {
  registry_start http
  registry_push jdock-small jdock-small:latest
  registry_push jdock-small tags:1.0
  registry_push jdock-small tags:2.0
  layout_platforms jdock-small "$NT_FILE_TMP/multi" amd64 arm64
  registry_push_index "$NT_FILE_TMP/multi" multi:latest
  layout_platforms jdock-small "$NT_FILE_TMP/amd64-only" amd64
  registry_push_index "$NT_FILE_TMP/amd64-only" amd64-only:latest
  SMALL_DIGEST=$(registry_digest jdock-small:latest)
  mapfile -t SMALL_LAYERS < <(registry_inspect jdock-small:latest --raw | jq -r '.layers[].digest')
}

own_store() { export JDOCK_ROOT=$NT_CASE_DIR/root; }

short() { local d=${1#sha256:}; echo "${d:0:12}"; }

# layer_lines OUTPUT DIGEST: the statuses printed for one layer, one per line.
layer_lines() { grep "^$(short "$2"): " <<<"$1" | cut -d' ' -f2-; }

test_pull_by_tag_prints_dockers_lines() {
  own_store
  run jdock pull "$REG_HOST/jdock-small"
  assert_eq 0 "$status"
  assert_eq "" "$stderr" "stderr"
  mapfile -t lines <<<"$output"
  assert_eq "Using default tag: latest" "${lines[0]}"
  assert_eq "latest: Pulling from jdock-small" "${lines[1]}"
  assert_eq "$(short "${SMALL_LAYERS[0]}"): Pulling fs layer" "${lines[2]}"
  assert_eq "$(short "${SMALL_LAYERS[1]}"): Pulling fs layer" "${lines[3]}"
  local n=${#lines[@]}
  assert_eq "Digest: $SMALL_DIGEST" "${lines[n - 3]}"
  assert_eq "Status: Downloaded newer image for $REG_HOST/jdock-small:latest" "${lines[n - 2]}"
  assert_eq "$REG_HOST/jdock-small:latest" "${lines[n - 1]}"
  for layer in "${SMALL_LAYERS[@]}"; do
    assert_eq $'Pulling fs layer\nVerifying Checksum\nDownload complete\nPull complete' \
      "$(layer_lines "$output" "$layer")" "statuses of layer $layer"
  done
  assert_eq 13 "$n" "line count"
  assert_eq "" "$(store_leftovers)" "temp files left in the store"
}

test_the_image_id_is_skopeos_config_digest_and_the_repo_digest_the_registrys() {
  own_store
  assert_ok jdock pull -q "$REG_HOST/jdock-small:latest"
  assert_eq "$(fx_image_id jdock-small)" "$(store_image_id "$REG_HOST/jdock-small:latest")" "image ID"
  assert_eq "$(fx_image_id jdock-small)" "$(store_image_id "$REG_HOST/jdock-small@$SMALL_DIGEST")" \
    "image ID of the RepoDigest"
  assert_eq "$REG_HOST/jdock-small:latest"$'\n'"$REG_HOST/jdock-small@$SMALL_DIGEST" "$(store_refs)"
  # The manifest is stored as the registry sent it.
  registry_inspect jdock-small:latest --raw >manifest.json
  assert_file_same manifest.json "$JDOCK_ROOT/blobs/sha256/${SMALL_DIGEST#sha256:}"
}

test_image_inspect_shows_what_docker_shows_after_a_pull() {
  own_store
  assert_ok jdock pull -q "$REG_HOST/jdock-small"
  run jdock image inspect --format '{{.Id}} {{json .RepoTags}} {{json .RepoDigests}}' "$REG_HOST/jdock-small"
  assert_eq 0 "$status"
  assert_output "$(fx_image_id jdock-small) [\"$REG_HOST/jdock-small:latest\"] [\"$REG_HOST/jdock-small@$SMALL_DIGEST\"]"
}

test_layers_are_extracted_into_the_store_as_tar_extracts_them() {
  own_store
  assert_ok jdock pull -q "$REG_HOST/jdock-small"
  local config diff_ids i
  config=$(store_image_id "$REG_HOST/jdock-small:latest")
  mapfile -t diff_ids < <(jq -r '.rootfs.diff_ids[]' "$JDOCK_ROOT/blobs/sha256/${config#sha256:}")
  assert_eq "$(printf '%s\n' "${diff_ids[@]#sha256:}" | LC_ALL=C sort)" "$(store_layer_dirs)" "layer dirs"
  for i in 1 2; do
    fx_layer_tar jdock-small "$i" "layer$i.tar"
    mkdir "tar$i"
    tar --xattrs --xattrs-include='*' -xpf "layer$i.tar" -C "tar$i"
    # The layer's root is not in its tar; jdock gives it the epoch as mtime.
    touch -d @0 "tar$i"
    # Whiteout markers are kept as files for the union, with jdock's own mode (checked below).
    assert_tree_same "tar$i" "$JDOCK_ROOT/layers/sha256/${diff_ids[i - 1]#sha256:}/rootfs" \
      --exclude '*/.wh.*'
  done
  assert_file_content "$JDOCK_ROOT/layers/sha256/${diff_ids[0]#sha256:}/rootfs/hello.txt" "hello from jdock-small"$'\n'
  assert_file "$JDOCK_ROOT/layers/sha256/${diff_ids[1]#sha256:}/rootfs/dir/.wh.a"
}

test_a_second_pull_is_up_to_date() {
  own_store
  assert_ok jdock pull -q "$REG_HOST/jdock-small"
  run jdock pull "$REG_HOST/jdock-small"
  assert_eq 0 "$status"
  assert_output "Using default tag: latest" \
    "latest: Pulling from jdock-small" \
    "Digest: $SMALL_DIGEST" \
    "Status: Image is up to date for $REG_HOST/jdock-small:latest" \
    "$REG_HOST/jdock-small:latest"
}

test_quiet_prints_only_the_canonical_reference() {
  own_store
  run jdock pull -q "$REG_HOST/jdock-small"
  assert_eq 0 "$status"
  assert_output "$REG_HOST/jdock-small:latest"
  assert_eq "" "$stderr"
}

test_pull_by_digest() {
  own_store
  run jdock pull "$REG_HOST/jdock-small@$SMALL_DIGEST"
  assert_eq 0 "$status"
  mapfile -t lines <<<"$output"
  assert_eq "$REG_HOST/jdock-small@$SMALL_DIGEST: Pulling from jdock-small" "${lines[0]}"
  assert_eq "Status: Downloaded newer image for $REG_HOST/jdock-small@$SMALL_DIGEST" "${lines[-2]}"
  assert_eq "$REG_HOST/jdock-small@$SMALL_DIGEST" "${lines[-1]}"
  assert_eq "$REG_HOST/jdock-small@$SMALL_DIGEST" "$(store_refs)" "only the digest reference"
  assert_eq "$(fx_image_id jdock-small)" "$(store_image_id "$REG_HOST/jdock-small@$SMALL_DIGEST")"
}

test_each_platform_of_an_index_is_chosen_with_platform() {
  own_store
  local index arm amd
  index=$(registry_digest multi:latest)
  arm=$(layout_platform_id "$NT_FILE_TMP/multi" arm64)
  amd=$(layout_platform_id "$NT_FILE_TMP/multi" amd64)
  assert_eq "$(fx_image_id jdock-small)" "$amd" "the amd64 variant is the fixture"
  assert_ne "$amd" "$arm"

  run jdock pull --platform linux/arm64 "$REG_HOST/multi"
  assert_eq 0 "$status"
  assert_line "$output" "Digest: $index" "the index's digest"
  assert_eq "$arm" "$(store_image_id "$REG_HOST/multi:latest")" "arm64 image ID"
  assert_eq "$arm" "$(store_image_id "$REG_HOST/multi@$index")" "RepoDigest is the index digest"

  run jdock pull --platform linux/amd64 "$REG_HOST/multi:latest"
  assert_eq 0 "$status"
  assert_eq "Already exists"$'\n'"Already exists" \
    "$(layer_lines "$output" "${SMALL_LAYERS[0]}"; layer_lines "$output" "${SMALL_LAYERS[1]}")" \
    "the shared layers are reused"
  assert_line "$output" "Status: Downloaded newer image for $REG_HOST/multi:latest"
  assert_eq "$amd" "$(store_image_id "$REG_HOST/multi:latest")" "amd64 image ID"
}

test_an_index_without_the_platform_fails_with_dockers_message() {
  own_store
  run jdock pull --platform linux/arm64 "$REG_HOST/amd64-only"
  assert_eq 1 "$status"
  assert_output "Using default tag: latest" "latest: Pulling from amd64-only"
  assert_eq "no matching manifest for linux/arm64 in the manifest list entries" "$stderr"
  assert_eq "" "$(store_refs)" "no image recorded"
  run jdock pull --platform linux/amd64 "$REG_HOST/amd64-only"
  assert_eq 0 "$status" "the platform the index has"
}

test_a_single_platform_image_of_another_platform_is_pulled_with_dockers_warning() {
  # docker (classic store) pulls a single-platform image whatever --platform says, and warns.
  own_store
  run jdock pull --platform linux/arm64 "$REG_HOST/jdock-small"
  assert_eq 0 "$status"
  mapfile -t lines <<<"$output"
  assert_eq "Status: Downloaded newer image for $REG_HOST/jdock-small:latest" "${lines[-3]}"
  assert_eq "WARNING: image with reference $REG_HOST/jdock-small:latest was found but does not match the specified platform: wanted linux/arm64, actual: linux/amd64" "${lines[-2]}"
}

test_all_tags_pulls_every_tag() {
  own_store
  run jdock pull -a "$REG_HOST/tags"
  assert_eq 0 "$status"
  assert_line "$output" "1.0: Pulling from tags"
  assert_line "$output" "2.0: Pulling from tags"
  assert_line "$output" "Status: Downloaded newer image for $REG_HOST/tags"
  assert_eq "$REG_HOST/tags" "$(tail -n 1 <<<"$output")"
  assert_eq "$(fx_image_id jdock-small)" "$(store_image_id "$REG_HOST/tags:1.0")"
  assert_eq "$(fx_image_id jdock-small)" "$(store_image_id "$REG_HOST/tags:2.0")"
}

test_unknown_tags_and_repositories_give_dockers_errors() {
  own_store
  assert_fails_with "Error response from daemon: manifest for $REG_HOST/jdock-small:nope not found: manifest unknown: manifest unknown" 1 \
    jdock pull "$REG_HOST/jdock-small:nope"
  assert_output ""
  assert_fails_with "Error response from daemon: manifest for $REG_HOST/nothing:latest not found: manifest unknown: manifest unknown" 1 \
    jdock pull "$REG_HOST/nothing"
  assert_output "Using default tag: latest"
}

test_a_refused_connection_names_the_registry() {
  own_store
  local port
  port=$(_free_port)
  assert_fails_with "Error response from daemon: Get \"http://127.0.0.1:$port/v2/\": dial tcp 127.0.0.1:$port: connect: connection refused" 1 \
    jdock pull "127.0.0.1:$port/jdock-small:latest"
}

test_a_corrupted_blob_fails_with_a_digest_error_and_stores_nothing() {
  own_store
  # A registry of its own: blobs are shared between repositories of one registry.
  registry_start http
  registry_push jdock-small broken:latest
  local layer
  layer=$(registry_inspect broken:latest --raw | jq -r '.layers[1].digest')
  registry_corrupt_blob "$layer" flip
  run jdock pull "$REG_HOST/broken"
  assert_eq 1 "$status"
  assert_line "$output" "latest: Pulling from broken"
  assert_eq "filesystem layer verification failed for digest $layer" "$stderr"
  assert_eq "" "$(store_refs)" "no image"
  if store_has_blob "$layer"; then fail "the corrupt blob was stored"; fi
  assert_eq "" "$(store_leftovers)" "no partial blob left"
}

test_usage_errors_are_dockers() {
  own_store
  assert_fails_with "jdock: 'jdock pull' requires 1 argument" 1 jdock pull
  assert_line "$stderr" "Usage:  jdock pull [OPTIONS] NAME[:TAG|@DIGEST]"
  assert_fails_with "tag can't be used with --all-tags/-a" 1 jdock pull -a "$REG_HOST/tags:1.0"
  assert_fails_with "invalid reference format: repository name (library/Ubuntu) must be lowercase" 1 \
    jdock pull Ubuntu
  assert_fails_with "Error response from daemon: 'scratch' is a reserved name" 1 jdock pull scratch
  assert_output "Using default tag: latest"
  assert_fails_with "unknown flag: --nope" 125 jdock pull --nope x
}

test_a_pulled_image_mounts_as_umoci_unpacks_it() {
  own_store
  assert_ok jdock pull -q "$REG_HOST/jdock-small"
  fx_unpack jdock-small bundle
  mkdir mnt
  assert_ok jdock mount --read-only "$REG_HOST/jdock-small" "$NT_CASE_DIR/mnt"
  defer jdock umount "$NT_CASE_DIR/mnt"
  assert_tree_same bundle/rootfs mnt
  assert_not_exists mnt/dir/a "the whiteout of the second layer"
}
