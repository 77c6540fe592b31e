# Every archive shape of the fixture images: the same image (ID, layers) in the layout docker,
# skopeo or OCI tools make; `jdock load` tests compare with the values recorded here.

# members ARCHIVE: the names in a tar, one per line.
members() { tar -tf "$1" --quoting-style=literal; }

test_every_shape_has_the_image_id_of_the_layout() {
  local image shape id
  for image in "${NT_FIXTURE_IMAGES[@]}"; do
    id=$(jq -r .config.digest "$(fx_inspect "$image" oci-layout manifest)")
    assert_match "$id" '^sha256:[0-9a-f]{64}$' "config digest of $image"
    for shape in "${NT_ARCHIVE_SHAPES[@]}"; do
      assert_eq "$id" "$(fx_image_id "$image" "$shape")" "image ID of $image as $shape"
    done
  done
}

test_every_shape_has_the_layers_of_the_layout() {
  local image shape
  for image in "${NT_FIXTURE_IMAGES[@]}"; do
    for shape in "${NT_ARCHIVE_SHAPES[@]}"; do
      assert_eq "$(fx_layer_count "$image")" "$(jq '.Layers | length' "$(fx_inspect "$image" "$shape" inspect)")" \
        "layers of $image as $shape"
    done
  done
}

test_docker25_shape_is_an_oci_layout_plus_manifest_json() {
  local a cfg
  a=$(fx_archive jdock-test docker25)
  run members "$a"
  for m in oci-layout index.json manifest.json repositories blobs/sha256/; do assert_line "$output" "$m"; done
  tar -xf "$a" manifest.json index.json
  cfg=$(jq -r '.[0].Config' manifest.json)
  assert_eq "blobs/sha256/$(fx_image_id jdock-test | cut -d: -f2)" "$cfg"
  assert_eq '["jdock-test:latest"]' "$(jq -c '.[0].RepoTags' manifest.json)"
  assert_eq docker.io/library/jdock-test:latest "$(jq -r '.manifests[0].annotations["io.containerd.image.name"]' index.json)"
  assert_eq latest "$(jq -r '.manifests[0].annotations["org.opencontainers.image.ref.name"]' index.json)"
  # Layers are uncompressed and named by their diff_id.
  local first
  first=$(jq -r '.[0].Layers[0]' manifest.json)
  assert_eq "$(jq -r '.rootfs.diff_ids[0]' "$(fx_inspect jdock-test oci-layout config)")" "sha256:${first#blobs/sha256/}"
  tar -xf "$a" "$first"
  assert_eq "${first#blobs/sha256/}" "$(sha256sum <"$first" | cut -d' ' -f1)" "sha256 of the first layer"
}

test_legacy_shape_has_id_dirs_with_layer_tar() {
  local a
  a=$(fx_archive jdock-test legacy)
  run members "$a"
  assert_eq 5 "$(grep -c '^[0-9a-f]\{64\}/layer.tar$' <<<"$output")" "<id>/layer.tar entries"
  assert_eq 5 "$(grep -c '^[0-9a-f]\{64\}/VERSION$' <<<"$output")" "<id>/VERSION entries"
  assert_line "$output" "$(fx_image_id jdock-test | cut -d: -f2).json"
  assert_not_contains "$output" "index.json"
  tar -xf "$a" manifest.json repositories
  assert_match "$(jq -r '.[0].Layers[4]' manifest.json)" '^[0-9a-f]{64}/layer.tar$'
  assert_eq "$(jq -r '.[0].Layers[4]' manifest.json | cut -d/ -f1)" "$(jq -r '.["jdock-test"].latest' repositories)"
}

test_containerd_shape_has_a_nested_index_and_gzip_layers() {
  local a nested
  a=$(fx_archive jdock-test containerd)
  tar -xf "$a" index.json manifest.json
  assert_eq application/vnd.oci.image.index.v1+json "$(jq -r '.manifests[0].mediaType' index.json)"
  nested=blobs/sha256/$(jq -r '.manifests[0].digest' index.json | cut -d: -f2)
  tar -xf "$a" "$nested"
  assert_eq "$(jq -r .config.digest "$(fx_inspect jdock-test oci-layout manifest)" | cut -d: -f2)" \
    "$(jq -r '.[0].Config' manifest.json | cut -d/ -f3)"
  assert_eq linux/amd64 "$(jq -r '.manifests[0].platform | .os + "/" + .architecture' "$nested")"
  local layer
  layer=$(jq -r '.[0].Layers[0]' manifest.json)
  tar -xf "$a" "$layer"
  assert_eq 1f8b "$(head -c 2 "$layer" | od -An -tx1 | tr -d ' \n')" "gzip magic of a layer"
}

test_skopeo_docker_archive_and_oci_archives() {
  run members "$(fx_archive jdock-test docker-archive)"
  assert_line "$output" manifest.json
  run members "$(fx_archive jdock-test oci-archive)"
  assert_line "$output" index.json
  assert_line "$output" oci-layout
  assert_not_contains "$output" manifest.json
  run members "$(fx_archive jdock-small oci-layout-tar)"
  assert_line "$output" index.json
  assert_line "$output" oci-layout
  assert_dir "$(fx_archive jdock-small oci-layout)/blobs/sha256"
}

test_archives_copy_back_to_the_same_layers() {
  local shape
  for shape in docker25 legacy containerd; do
    rm -rf copy
    assert_ok skopeo copy --quiet "docker-archive:$(fx_archive jdock-small "$shape")" oci:copy:latest
    assert_eq "$(jq -c .rootfs.diff_ids "$(fx_inspect jdock-small oci-layout config)")" \
      "$(skopeo inspect --config oci:copy:latest | jq -c .rootfs.diff_ids)" "diff_ids after a round trip of $shape"
  done
}
