# jdock commit: the container's changes become a layer of a new image that runs, that umoci (the
# oracle) unpacks to the same tree, and whose config carries the changes, message and author.

setup_file() {
  ct_image_add jdock-test
  BASE_ID=$(fx_image_id jdock-test)
}

teardown_file() {
  ct_remove_all
}

test_commit_then_run_the_new_image_and_see_the_change() {
  assert_ok jdock run --name mod jdock-test sh -c 'echo changed > /etc/motd-new; rm /etc/issue; mkdir -p /srv/app'
  assert_ok jdock commit -m "my message" -a "Tester <t@example.com>" -c 'CMD ["cat", "/etc/motd-new"]' \
    -c "ENV FROM_COMMIT=yes" mod committed:v1
  assert_match "$output" '^sha256:[0-9a-f]{64}$'
  local id=$output
  assert_ok jdock run --rm committed:v1
  assert_output changed
  assert_ok jdock run --rm committed:v1 sh -c 'test ! -e /etc/issue && test -d /srv/app && echo "$FROM_COMMIT $JDOCK_FIXTURE"'
  assert_output "yes jdock-test"
  # the image in the layout: one layer more than its parent, jdock's parent annotation, the config
  need skopeo jq
  local config manifest
  config=$(skopeo inspect --config --raw "oci:$JDOCK_ROOT:docker.io/library/committed:v1")
  manifest=$(skopeo inspect --raw "oci:$JDOCK_ROOT:docker.io/library/committed:v1")
  assert_eq "$id" "sha256:$(printf '%s' "$config" | sha256sum | cut -d' ' -f1)" "image ID = config digest"
  assert_eq $(($(fx_layer_count jdock-test) + 1)) "$(jq '.layers | length' <<<"$manifest")" "layer count"
  assert_eq '["cat","/etc/motd-new"]' "$(jq -c .config.Cmd <<<"$config")"
  assert_eq "my message" "$(jq -r '.history[-1].comment' <<<"$config")"
  assert_eq "Tester <t@example.com>" "$(jq -r .author <<<"$config")"
  assert_eq "$BASE_ID" "$(jq -r --arg r docker.io/library/committed:v1 \
    '.manifests[] | select(.annotations["org.opencontainers.image.ref.name"] == $r) | .annotations["io.jdock.image.parent"]' \
    "$JDOCK_ROOT/index.json")" "parent annotation"
}

test_umoci_unpacks_the_committed_image_to_the_containers_tree() {
  need umoci
  assert_ok jdock run --name tree jdock-test sh -c 'echo new > /added; rm -rf /jdock-test/files; echo x >> /etc/os-release; ln -s added /added.link'
  assert_ok jdock commit tree tree:v1
  assert_ok umoci unpack --image "$JDOCK_ROOT:docker.io/library/tree:v1" bundle
  local r=bundle/rootfs
  assert_file_content "$r/added" $'new\n'
  assert_symlink "$r/added.link" added
  assert_not_exists "$r/jdock-test/files"
  assert_eq x "$(tail -n 1 "$r/etc/os-release")"
  assert_dir "$r/jdock-test/links"
  # what export shows of the container is what umoci unpacked from the commit
  assert_ok jdock export -o tree.tar tree
  mkdir exported
  tar -xf tree.tar -C exported
  assert_file_content exported/added $'new\n'
  assert_not_exists exported/jdock-test/files
}

test_commit_of_an_untouched_container_adds_no_layer() {
  assert_ok jdock create --name untouched jdock-test true
  assert_ok jdock commit untouched same:v1
  need skopeo jq
  assert_eq "$(fx_layer_count jdock-test)" \
    "$(skopeo inspect --raw "oci:$JDOCK_ROOT:docker.io/library/same:v1" | jq '.layers | length')"
  assert_eq true "$(skopeo inspect --config --raw "oci:$JDOCK_ROOT:docker.io/library/same:v1" | jq '.history[-1].empty_layer')"
}

test_commit_refuses_what_docker_refuses() {
  assert_ok jdock create --name refuse jdock-test true
  assert_fails_with "Error response from daemon: RUN is not a valid change command" 1 \
    jdock commit -c "RUN make" refuse
  assert_fails_with "Error response from daemon: No such container: nothere" 1 jdock commit nothere
}
