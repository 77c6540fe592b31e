# jdock image inspect / inspect: docker's classic JSON (4-space indented array, field order),
# fields taken from the fixture's config, Go templates and the errors and exit codes.

setup_file() {
  store_add jdock-test
  store_add jdock-small
  TEST_ID=$(fx_image_id jdock-test)
  SMALL_ID=$(fx_image_id jdock-small)
  SMALL_CONFIG=$(fx_inspect jdock-small oci-layout config)
}

test_default_output_is_a_4_space_indented_array_in_dockers_order() {
  assert_ok jdock image inspect jdock-small
  assert_eq "[" "$(sed -n 1p "$output_file")"
  assert_eq "    {" "$(sed -n 2p "$output_file")"
  assert_eq "        \"Id\": \"$SMALL_ID\"," "$(sed -n 3p "$output_file")"
  assert_eq "]" "$(tail -n 1 "$output_file")"
  assert_eq "Id,RepoTags,RepoDigests,Parent,Comment,Created,DockerVersion,Author,Config,Architecture,Os,Size,GraphDriver,RootFS,Metadata" \
    "$(jq -r '.[0] | keys_unsorted | join(",")' <<<"$output")"
  assert_eq "Hostname,Domainname,User,AttachStdin,AttachStdout,AttachStderr,Tty,OpenStdin,StdinOnce,Env,Cmd,Image,Volumes,WorkingDir,Entrypoint,OnBuild,Labels" \
    "$(jq -r '.[0].Config | keys_unsorted | join(",")' <<<"$output")"
  # The same document with jq's own 4-space indentation: docker's json.Indent layout.
  assert_eq "$(jq --indent 4 . <<<"$output")" "$output"
}

test_fields_come_from_the_config_and_the_store() {
  assert_ok jdock image inspect jdock-small
  local img
  img=$(jq -c '.[0]' <<<"$output")
  assert_eq '["jdock-small:latest"]' "$(jq -c .RepoTags <<<"$img")"
  assert_eq '[]' "$(jq -c .RepoDigests <<<"$img")"
  assert_eq "|||2024-01-02T03:04:05Z|jdock native tests|amd64|linux" \
    "$(jq -r '[.Parent, .Comment, .DockerVersion, .Created, .Author, .Architecture, .Os] | join("|")' <<<"$img")"
  assert_eq "$(jq -c .config.Cmd "$SMALL_CONFIG")" "$(jq -c .Config.Cmd <<<"$img")"
  assert_eq "$(jq -c .config.Labels "$SMALL_CONFIG")" "$(jq -c .Config.Labels <<<"$img")"
  assert_eq "null|null|" "$(jq -r '[.Config.Env, .Config.Entrypoint, .Config.WorkingDir] | map(tojson) | join("|")' <<<"$img" | sed 's/""$//')"
  assert_eq "$(jq -c .rootfs.diff_ids "$SMALL_CONFIG")" "$(jq -c .RootFS.Layers <<<"$img")"
  assert_eq "layers" "$(jq -r .RootFS.Type <<<"$img")"
  assert_eq "$(image_blob_size jdock-small)" "$(jq .Size <<<"$img")"
  assert_eq "0001-01-01T00:00:00Z" "$(jq -r .Metadata.LastTagTime <<<"$img")"
  assert_ok jdock image inspect jdock-test jdock-small
  assert_eq "$TEST_ID $SMALL_ID" "$(jq -r 'map(.Id) | join(" ")' <<<"$output")"
}

test_templates() {
  assert_ok jdock image inspect -f '{{.RepoTags}} {{.Id}} {{.Parent}}|' jdock-small
  assert_eq "[jdock-small:latest] $SMALL_ID |" "$output"
  assert_ok jdock image inspect -f '{{json .Config}}' jdock-small
  assert_eq "$(jdock image inspect jdock-small | jq -c '.[0].Config')" "$output"
  assert_ok jdock image inspect --format '{{index .RepoTags 0}} {{range .RootFS.Layers}}{{.}} {{end}}' jdock-test jdock-small
  assert_output "jdock-test:latest $(jq -r '.rootfs.diff_ids | join(" ")' "$(fx_inspect jdock-test oci-layout config)") " \
    "jdock-small:latest $(jq -r '.rootfs.diff_ids | join(" ")' "$SMALL_CONFIG") "
  # On docker's Go struct Size is an int64; .Id is no field of it, so docker runs the template
  # again on the decoded JSON, where numbers are float64.
  assert_ok jdock image inspect -f '{{.Size}}' jdock-test
  assert_eq "$(image_blob_size jdock-test)" "$output"
  assert_ok jdock image inspect -f '{{.Id}} {{.Size}}' jdock-test
  assert_match "$output" "^$TEST_ID [0-9]\.[0-9]+e\+07\$"
  assert_ok jdock image inspect -f json jdock-small
  assert_eq "$(jdock image inspect jdock-small | jq -c .)" "$output"
}

test_errors_and_exit_codes() {
  assert_fails_with "template parsing error: template: :1: unclosed action" 64 \
    jdock image inspect -f '{{.Id' jdock-small
  run jdock image inspect -f '{{.Id}}' nope jdock-small
  assert_eq 1 "$status"
  assert_eq "$SMALL_ID" "$output"
  assert_eq "Error response from daemon: No such image: nope:latest" "$stderr"
  assert_fails_with "template parsing error: template: :1:2: executing \"\" at <.Nope>: map has no entry for key \"Nope\"" \
    1 jdock image inspect -f '{{.Nope}}' jdock-small
  assert_fails_with "jdock: 'jdock image inspect' requires at least 1 argument" 1 jdock image inspect
}

test_top_level_inspect() {
  assert_ok jdock inspect jdock-small
  assert_eq "$(jdock image inspect jdock-small)" "$output"
  assert_ok jdock inspect --type image -f '{{.ID}}' "${SMALL_ID:7:12}"
  assert_eq "$SMALL_ID" "$output"
  assert_fails_with "Error: No such object: nope" 1 jdock inspect nope
  assert_fails_with "Error response from daemon: No such image: nope:latest" 1 jdock inspect --type image nope
  assert_fails_with 'unknown type: "img": must be one of "config", "container", "image", "network", "node", "plugin", "secret", "service", "task", "volume"' \
    1 jdock inspect --type img jdock-small
}
