# jdock load of every archive shape of the fixture images: the image ID is the config digest
# skopeo sees (fx_image_id), the tags are the archive's, the layers are extracted, and the store
# stays an OCI layout umoci and skopeo read. Each test has a store of its own.

setup_file() { fx_ensure; }

# own_store: a fresh store for the current test only.
own_store() { export JDOCK_ROOT=$NT_CASE_DIR/store; }

# store_ids: the image ID of every index.json entry of the store, one per line, sorted unique.
store_ids() {
  local m
  for m in $(jq -r '.manifests[].digest' "$JDOCK_ROOT/index.json"); do
    jq -r .config.digest "$JDOCK_ROOT/blobs/sha256/${m#sha256:}"
  done | LC_ALL=C sort -u
}

# store_id REF: the image ID of a tagged image, as skopeo reads it from the store.
store_id() { echo "sha256:$(skopeo inspect --config --raw "oci:$JDOCK_ROOT:$1" | sha256sum | cut -d' ' -f1)"; }

# assert_extracted IMAGE: every layer of the fixture IMAGE is extracted in the store.
assert_extracted() {
  local d
  for d in $(jq -r '.rootfs.diff_ids[]' "$(fx_inspect "$1" oci-layout config)"); do
    assert_file "$JDOCK_ROOT/layers/sha256/${d#sha256:}/info.json"
  done
}

# assert_loaded IMAGE SHAPE: the output and the store after `jdock load` of that shape.
assert_loaded() {
  local image=$1 shape=$2 id
  id=$(fx_image_id "$image" "$shape")
  assert_eq 0 "$status" "exit status of loading $image as $shape"
  assert_eq "" "$stderr" "stderr of loading $image as $shape"
  case $shape in
    oci-layout | oci-layout-tar | oci-archive)
      # skopeo and umoci name the image "latest": a tag without a repository.
      assert_output "Loaded image ID: $id" ;;
    *)
      assert_output "Loaded image: $image:latest"
      assert_eq "$id" "$(store_id "docker.io/library/$image:latest")" "ID of $image:latest as $shape" ;;
  esac
  assert_eq "$id" "$(store_ids)" "image IDs in the store after loading $image as $shape"
  assert_extracted "$image"
}

test_every_shape_of_jdock_small_loads_with_the_image_id_skopeo_sees() {
  local shape
  for shape in "${NT_ARCHIVE_SHAPES[@]}"; do
    export JDOCK_ROOT=$NT_CASE_DIR/store-$shape
    run jdock load -i "$(fx_archive jdock-small "$shape")"
    assert_loaded jdock-small "$shape"
  done
}

test_every_shape_of_jdock_test_loads_with_the_image_id_skopeo_sees() {
  local shape
  for shape in "${NT_ARCHIVE_SHAPES[@]}"; do
    export JDOCK_ROOT=$NT_CASE_DIR/store-$shape
    run jdock load -i "$(fx_archive jdock-test "$shape")"
    assert_loaded jdock-test "$shape"
    rm -rf "$JDOCK_ROOT"
  done
}

test_the_store_stays_an_oci_layout_for_umoci_and_skopeo() {
  own_store
  jdock_load jdock-test docker25
  jdock_load jdock-small legacy
  run umoci ls --layout "$JDOCK_ROOT"
  assert_eq 0 "$status"
  assert_line "$output" docker.io/library/jdock-test:latest
  assert_line "$output" docker.io/library/jdock-small:latest
  # The stored manifest describes the blobs as stored (the layers of docker25 are plain tars).
  assert_eq "$(jq -c .rootfs.diff_ids "$(fx_inspect jdock-test oci-layout config)")" \
    "$(skopeo inspect --raw "oci:$JDOCK_ROOT:docker.io/library/jdock-test:latest" | jq -c '[.layers[].digest]')"
  assert_ok skopeo copy --quiet "oci:$JDOCK_ROOT:docker.io/library/jdock-small:latest" oci:copy:x
  assert_eq "$(fx_image_id jdock-small)" "sha256:$(skopeo inspect --config --raw oci:copy:x | sha256sum | cut -d' ' -f1)"
}

test_load_reads_stdin_plain_gzip_and_zstd() {
  local a
  a=$(fx_archive jdock-small docker25)
  own_store
  run jdock load <"$a"
  assert_output "Loaded image: jdock-small:latest"
  export JDOCK_ROOT=$NT_CASE_DIR/gz
  run bash -c "gzip -c '$a' | '$NT_JDOCK' load"
  assert_output "Loaded image: jdock-small:latest"
  export JDOCK_ROOT=$NT_CASE_DIR/zst
  zstd -q -c "$a" >small.tar.zst
  run jdock load -q -i small.tar.zst
  assert_output "Loaded image: jdock-small:latest"
  assert_eq "$(fx_image_id jdock-small)" "$(store_ids)"
}

test_a_compressed_oci_archive_loads_untagged() {
  own_store
  gzip -c "$(fx_archive jdock-test oci-archive)" >test.tar.gz
  run jdock load -i test.tar.gz
  assert_output "Loaded image ID: $(fx_image_id jdock-test)"
  assert_extracted jdock-test
}

test_a_moved_tag_is_reported_as_docker_does() {
  own_store
  jdock_load jdock-small docker25
  run jdock import "$(fx_rootfs_tar)" jdock-small:latest
  assert_eq 0 "$status"
  local imported=$output
  run jdock load -i "$(fx_archive jdock-small legacy)"
  assert_output \
    "The image jdock-small:latest already exists, renaming the old one with ID $imported to empty string" \
    "Loaded image: jdock-small:latest"
  assert_eq "$(fx_image_id jdock-small)" "$(store_id docker.io/library/jdock-small:latest)"
  # The same archive again moves nothing.
  run jdock load -i "$(fx_archive jdock-small docker-archive)"
  assert_output "Loaded image: jdock-small:latest"
}

test_empty_or_terminal_stdin_is_refused_like_docker() {
  own_store
  assert_fails_with "requested load from stdin, but stdin is empty" 1 jdock load </dev/null
  run script -qec "'$NT_JDOCK' load" /dev/null
  assert_eq 1 "$status"
  assert_contains "$output" "requested load from stdin, but stdin is empty"
}

test_usage_and_file_errors_are_dockers() {
  own_store
  assert_fails_with "open /nonexistent/x.tar: no such file or directory" 1 jdock load -i /nonexistent/x.tar
  run jdock load extra
  assert_eq 1 "$status"
  assert_eq "jdock: 'jdock load' accepts no arguments"$'\n\n'"Usage:  jdock load [OPTIONS]"$'\n\n'"Run 'jdock load --help' for more information" "$stderr"
  assert_fails_with "unknown flag: --nope" 125 jdock load --nope
  assert_not_exists "$JDOCK_ROOT/index.json"
}
