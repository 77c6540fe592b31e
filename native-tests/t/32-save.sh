# jdock save writes a Docker 25+ archive (OCI layout + manifest.json + repositories) that skopeo
# reads both as docker-archive: and oci-archive:, and that jdock load reads back to the same image.

setup_file() {
  fx_ensure
  jdock_load jdock-test docker25 >/dev/null
  jdock_load jdock-small containerd >/dev/null # gzip layers, the manifest skopeo made
}

# config_id TRANSPORT:REF: the image ID skopeo sees (sha256 of the raw config).
config_id() { echo "sha256:$(skopeo inspect --config --raw "$1" | sha256sum | cut -d' ' -f1)"; }

test_a_saved_image_is_read_by_skopeo_as_docker_archive_and_oci_archive() {
  run jdock save -o small.tar jdock-small
  assert_eq 0 "$status"
  assert_eq "" "$output$stderr" "save prints nothing"
  local id
  id=$(fx_image_id jdock-small)
  assert_eq "$id" "$(config_id docker-archive:small.tar)"
  assert_eq "$id" "$(config_id docker-archive:small.tar:jdock-small:latest)"
  assert_eq "$id" "$(config_id oci-archive:small.tar)"
  assert_eq "$id" "$(config_id oci-archive:small.tar:latest)"
  # The OCI side is the stored manifest, byte for byte.
  assert_eq "$(skopeo inspect --raw "oci:$JDOCK_ROOT:docker.io/library/jdock-small:latest" | sha256sum)" \
    "$(skopeo inspect --raw oci-archive:small.tar | sha256sum)"
}

test_skopeo_copies_images_out_of_a_saved_archive() {
  jdock save -o test.tar jdock-test
  assert_ok skopeo copy --quiet oci-archive:test.tar oci:from-oci:x
  assert_eq "$(fx_image_id jdock-test)" "$(config_id oci:from-oci:x)"
  assert_ok skopeo copy --quiet docker-archive:test.tar oci:from-docker:x
  # skopeo rewrites the config when it converts a docker-archive; the layers stay.
  assert_eq "$(jq -c .rootfs.diff_ids "$(fx_inspect jdock-test oci-layout config)")" \
    "$(skopeo inspect --config --raw oci:from-docker:x | jq -c .rootfs.diff_ids)"
  assert_ok umoci unpack --image from-oci:x bundle
  assert_file_content bundle/rootfs/etc/jdock-release $'jdock-test 1\n'
}

test_a_saved_archive_loads_back_with_the_same_id_and_manifest() {
  jdock save -o both.tar jdock-test jdock-small
  export JDOCK_ROOT=$NT_CASE_DIR/store
  run jdock load -i both.tar
  assert_eq 0 "$status"
  assert_output "Loaded image: jdock-test:latest" "Loaded image: jdock-small:latest"
  assert_eq "$(fx_image_id jdock-test)" "$(config_id "oci:$JDOCK_ROOT:docker.io/library/jdock-test:latest")"
  assert_eq "$(fx_image_id jdock-small)" "$(config_id "oci:$JDOCK_ROOT:docker.io/library/jdock-small:latest")"
  run umoci ls --layout "$JDOCK_ROOT"
  assert_output docker.io/library/jdock-test:latest docker.io/library/jdock-small:latest
}

test_the_archive_has_dockers_layout_and_is_reproducible() {
  jdock save jdock-small jdock-test >a.tar
  jdock save jdock-small jdock-test >b.tar
  assert_file_same a.tar b.tar
  run tar -tf a.tar
  assert_eq "$output" "$(tar -tf a.tar | LC_ALL=C sort)" "entries are sorted"
  assert_eq "blobs/ blobs/sha256/" "$(head -n 2 <<<"$output" | tr '\n' ' ' | sed 's/ $//')"
  assert_eq "index.json manifest.json oci-layout repositories" "$(tail -n 4 <<<"$output" | tr '\n' ' ' | sed 's/ $//')"
  tar -xf a.tar
  assert_eq '["jdock-small:latest"]' "$(jq -c '.[0].RepoTags' manifest.json)"
  assert_eq '["jdock-test:latest"]' "$(jq -c '.[1].RepoTags' manifest.json)"
  assert_eq "blobs/sha256/$(fx_image_id jdock-test | cut -d: -f2)" "$(jq -r '.[1].Config' manifest.json)"
  local p
  for p in $(jq -r '.[] | .Config, .Layers[]' manifest.json); do assert_file "$p"; done
  assert_eq docker.io/library/jdock-test:latest \
    "$(jq -r '.manifests[1].annotations["io.containerd.image.name"]' index.json)"
  assert_eq latest "$(jq -r '.manifests[1].annotations["org.opencontainers.image.ref.name"]' index.json)"
  assert_file_content oci-layout '{"imageLayoutVersion": "1.0.0"}'
  assert_eq "$(jq -r '.[1].Layers[-1]' manifest.json | cut -d/ -f3)" "$(jq -r '.["jdock-test"].latest' repositories)"
  # mtimes: config and layers at the image's creation, the rest at the epoch; owner 0:0.
  run tar -tv --full-time --numeric-owner -f a.tar
  assert_match "$(grep ' index.json$' <<<"$output")" '^-rw-r--r-- 0/0 +[0-9]+ 1970-01-01 00:00:00 index.json$'
  assert_contains "$output" "2024-01-02 03:04:05 blobs/sha256/$(fx_image_id jdock-test | cut -d: -f2)"
}

test_an_image_saved_by_id_has_no_tags() {
  local id
  id=$(fx_image_id jdock-small)
  jdock save "${id:7:12}" >byid.tar
  tar -xf byid.tar manifest.json index.json
  assert_eq null "$(jq -c '.[0].RepoTags' manifest.json)"
  assert_eq null "$(jq -c '.manifests[0].annotations' index.json)"
  export JDOCK_ROOT=$NT_CASE_DIR/store
  run jdock load -i byid.tar
  assert_output "Loaded image ID: $id"
}

test_save_refuses_like_docker() {
  run script -qec "'$NT_JDOCK' save jdock-small" /dev/null
  assert_eq 1 "$status"
  assert_contains "$output" "cowardly refusing to save to a terminal. Use the -o flag or redirect"
  assert_fails_with "Error response from daemon: No such image: nosuch:latest" 1 jdock save jdock-small nosuch
  assert_fails_with "failed to save image: invalid output path: stat /nonexistent: no such file or directory" 1 \
    jdock save -o /nonexistent/x.tar jdock-small
  mkdir dir
  assert_fails_with "failed to save image: cannot write to a directory" 1 jdock save -o dir jdock-small
  assert_fails_with "failed to save image: cannot write to a character device file" 1 jdock save -o /dev/null jdock-small
  assert_fails_with "jdock: 'jdock save' requires at least 1 argument" 1 jdock save
  assert_contains "$stderr" "Usage:  jdock save [OPTIONS] IMAGE [IMAGE...]"
  assert_eq "" "$(ls -A dir)" "a refused save writes nothing"
}
