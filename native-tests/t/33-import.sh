# jdock import of the fixture root filesystem tar (fx_rootfs_tar): a one-layer image whose ID it
# prints, checked without mounting through umoci and skopeo reading the store.

setup_file() { fx_ensure; }

config_of() { skopeo inspect --config --raw "oci:$JDOCK_ROOT:$1"; }
id_of() { echo "sha256:$(config_of "$1" | sha256sum | cut -d' ' -f1)"; }

test_import_prints_the_id_of_a_one_layer_image_for_this_machine() {
  run jdock import -m "from debootstrap" \
    -c 'CMD ["/bin/bash"]' -c 'ENV LANG=C.UTF-8 TERM=xterm' -c 'WORKDIR /srv' -c 'USER nobody' \
    -c 'LABEL org.example.name="imported rootfs"' -c 'EXPOSE 8080' -c 'ENTRYPOINT ["/usr/bin/env"]' \
    "$(fx_rootfs_tar)" debian-imported:1
  assert_eq 0 "$status"
  assert_eq "" "$stderr"
  assert_match "$output" '^sha256:[0-9a-f]{64}$'
  assert_eq "$output" "$(id_of docker.io/library/debian-imported:1)"
  run umoci ls --layout "$JDOCK_ROOT"
  assert_line "$output" docker.io/library/debian-imported:1
  local config
  config=$(config_of docker.io/library/debian-imported:1)
  assert_eq "$(dpkg --print-architecture 2>/dev/null || echo amd64)" "$(jq -r .architecture <<<"$config")"
  assert_eq linux "$(jq -r .os <<<"$config")"
  assert_eq "from debootstrap" "$(jq -r .comment <<<"$config")"
  assert_eq "from debootstrap" "$(jq -r '.history[0].comment' <<<"$config")"
  assert_eq 1 "$(jq '.history | length' <<<"$config")"
  assert_eq "sha256:$(sha256sum <"$(fx_rootfs_tar)" | cut -d' ' -f1)" "$(jq -r '.rootfs.diff_ids[0]' <<<"$config")"
  assert_eq '["/bin/bash"]' "$(jq -c .config.Cmd <<<"$config")"
  assert_eq '["/usr/bin/env"]' "$(jq -c .config.Entrypoint <<<"$config")"
  assert_eq '["LANG=C.UTF-8","TERM=xterm"]' "$(jq -c .config.Env <<<"$config")"
  assert_eq /srv "$(jq -r .config.WorkingDir <<<"$config")"
  assert_eq nobody "$(jq -r .config.User <<<"$config")"
  assert_eq "imported rootfs" "$(jq -r '.config.Labels["org.example.name"]' <<<"$config")"
  assert_eq '{"8080/tcp":{}}' "$(jq -c .config.ExposedPorts <<<"$config")"
  # skopeo's view of it, and the layer is extracted (ready to mount) with the rootfs's files.
  run skopeo inspect "oci:$JDOCK_ROOT:docker.io/library/debian-imported:1"
  assert_eq 1 "$(jq '.Layers | length' <<<"$output")"
  local diff
  diff=$(jq -r '.rootfs.diff_ids[0]' <<<"$config")
  assert_contains "$(cat "$JDOCK_ROOT/layers/sha256/${diff#sha256:}/rootfs/etc/os-release")" 'VERSION_ID="12"'
}

test_umoci_unpacks_the_imported_image() {
  jdock import "$(fx_rootfs_tar)" debian-unpack:1 >/dev/null
  assert_ok umoci unpack --image "$JDOCK_ROOT:docker.io/library/debian-unpack:1" bundle
  assert_contains "$(cat bundle/rootfs/etc/os-release)" "Debian GNU/Linux 12"
  assert_symlink bundle/rootfs/bin usr/bin
}

test_import_reads_stdin_and_every_compression() {
  local tar diff kind
  tar=$(fx_rootfs_tar)
  diff="sha256:$(sha256sum <"$tar" | cut -d' ' -f1)"
  gzip -1 -c "$tar" >rootfs.tar.gz
  zstd -q -c "$tar" >rootfs.tar.zst
  bzip2 -1 -c "$tar" >rootfs.tar.bz2 2>/dev/null || python3 -c 'import bz2,sys; sys.stdout.buffer.write(bz2.compress(open(sys.argv[1],"rb").read(), 1))' "$tar" >rootfs.tar.bz2
  for kind in gz zst bz2; do
    run bash -c "'$NT_JDOCK' import - compressed:$kind <rootfs.tar.$kind"
    assert_eq 0 "$status" "import of a .$kind from stdin"
    assert_eq "$diff" "$(config_of docker.io/library/compressed:$kind | jq -r '.rootfs.diff_ids[0]')"
  done
  # gzip and zstd are stored as given; bzip2 (no OCI media type) is stored decompressed.
  local layers
  layers=$(skopeo inspect --raw "oci:$JDOCK_ROOT:docker.io/library/compressed:gz" | jq -r '.layers[0] | .mediaType + " " + .digest')
  assert_eq "application/vnd.oci.image.layer.v1.tar+gzip sha256:$(sha256sum <rootfs.tar.gz | cut -d' ' -f1)" "$layers"
  layers=$(skopeo inspect --raw "oci:$JDOCK_ROOT:docker.io/library/compressed:zst" | jq -r '.layers[0].mediaType')
  assert_eq application/vnd.oci.image.layer.v1.tar+zstd "$layers"
  layers=$(skopeo inspect --raw "oci:$JDOCK_ROOT:docker.io/library/compressed:bz2" | jq -r '.layers[0] | .mediaType + " " + .digest')
  assert_eq "application/vnd.oci.image.layer.v1.tar $diff" "$layers"
}

test_an_untagged_import_is_listed_without_a_name() {
  export JDOCK_ROOT=$NT_CASE_DIR/store
  run jdock import "$(fx_rootfs_tar)"
  local id=$output
  assert_eq 1 "$(jq '.manifests | length' "$JDOCK_ROOT/index.json")"
  assert_eq null "$(jq -c '.manifests[0].annotations' "$JDOCK_ROOT/index.json")"
  local m
  m=$(jq -r '.manifests[0].digest' "$JDOCK_ROOT/index.json")
  assert_eq "$id" "$(jq -r .config.digest "$JDOCK_ROOT/blobs/sha256/${m#sha256:}")"
  assert_eq "" "$(umoci ls --layout "$JDOCK_ROOT")"
}

test_import_refuses_like_docker() {
  export JDOCK_ROOT=$NT_CASE_DIR/store
  assert_fails_with "open /nonexistent.tar: no such file or directory" 1 jdock import /nonexistent.tar
  assert_fails_with "Error response from daemon: FROM is not a valid change command" 1 \
    jdock import -c "FROM debian" "$(fx_rootfs_tar)"
  assert_fails_with "invalid reference format: repository name (library/UPPER) must be lowercase" 1 \
    jdock import "$(fx_rootfs_tar)" UPPER
  assert_fails_with "Error response from daemon: cannot import digest reference" 1 \
    jdock import "$(fx_rootfs_tar)" "foo@sha256:$(printf 'a%.0s' {1..64})"
  assert_fails_with "jdock: 'jdock import' requires at least 1 argument" 1 jdock import
  assert_contains "$stderr" "Usage:  jdock import [OPTIONS] file|URL|- [REPOSITORY[:TAG]]"
  echo "not a tar" >text
  run jdock import text
  assert_eq 1 "$status"
  assert_match "$stderr" '^invalid layer tar'
  assert_eq "[]" "$(jq -c .manifests "$JDOCK_ROOT/index.json")"
}

test_an_unsafe_rootfs_tar_is_refused_and_nothing_escapes() {
  tar -xOf "$(fx_evil hardlink-abs-write)" layer0/layer.tar >evil.tar
  escape_check_begin
  assert_fails_with "unsafe layer entry \"victim\": hard link target \"$NT_SENTINEL_DIR/victim\" is absolute" 1 \
    jdock import evil.tar evil:1
  escape_check_end
  run umoci ls --layout "$JDOCK_ROOT"
  assert_not_contains "$output" evil
}
