# jdock load of malicious archives (lib/fixture/mkevil.py): each is refused with one clear line
# on stderr and exit status 1, registers no image, writes nothing outside the store, and leaves
# a store umoci and jdock keep using.

setup_file() { fx_ensure; }

# The line each refusal prints: docker's where the case records it (CASE.error), else jdock's.
expected_error() {
  local c=$1 sentinel=${NT_SENTINEL_DIR#/} up="../../../../../../../../../../../../"
  if [[ -f $(fx_dir)/evil/$c.error ]]; then
    cat "$(fx_dir)/evil/$c.error"
    return
  fi
  case $c in
    dotdot) echo "unsafe layer entry \"$up$sentinel/dotdot-created\": path escapes the layer" ;;
    dotdot-inner) echo "unsafe layer entry \"a/$up$sentinel/dotdot-inner-created\": path escapes the layer" ;;
    absolute) echo "unsafe layer entry \"$NT_SENTINEL_DIR/absolute-created\": absolute path" ;;
    symlink-abs-write) echo "unsafe layer entry \"evil/symlink-abs-created\": parent \"evil\" is a symlink" ;;
    symlink-rel-write) echo "unsafe layer entry \"evil/symlink-rel-created\": parent \"evil\" is a symlink" ;;
    hardlink-passwd) echo "unsafe layer entry \"passwd\": hard link target \"/etc/passwd\" is absolute" ;;
    hardlink-dotdot-write) echo "unsafe layer entry \"victim\": hard link target \"$up$sentinel/victim\" escapes the layer" ;;
    hardlink-abs-write) echo "unsafe layer entry \"victim\": hard link target \"$NT_SENTINEL_DIR/victim\" is absolute" ;;
    whiteout-escape) echo "invalid whiteout entry \"sub/.wh...\"" ;;
    *) echo "no expected error for $c" ;;
  esac
}

test_every_malicious_archive_is_refused_with_one_line_and_nothing_escapes() {
  local c n=0
  while read -r c; do
    [[ $c == symlink-cross-layer ]] && continue
    n=$((n + 1))
    escape_check_begin
    run jdock load -i "$(fx_evil "$c")"
    escape_check_end
    assert_eq 1 "$status" "exit status for $c"
    assert_eq "" "$output" "stdout for $c"
    assert_eq "$(expected_error "$c")" "$stderr" "the one stderr line for $c"
    assert_ok umoci ls --layout "$JDOCK_ROOT"
    assert_not_contains "$output" "evil-$c" "umoci lists no image of $c"
    assert_eq "[]" "$(jq -c '[.manifests[] | select(.annotations["org.opencontainers.image.ref.name"] | test("evil"))]' "$JDOCK_ROOT/index.json")"
  done < <(fx_evil_cases)
  assert_eq 12 "$n" "refused cases"
}

test_a_layer_writing_through_a_lower_layers_symlink_stays_in_its_own_layer() {
  # Layers are extracted one by one, each into its own dir: layer 1's evil/ is a directory of
  # layer 1, which the union shows over layer 0's symlink. Nothing is written through the link.
  escape_check_begin
  run jdock load -i "$(fx_evil symlink-cross-layer)"
  escape_check_end
  assert_eq 0 "$status"
  assert_output "Loaded image: evil-symlink-cross-layer:latest"
  local found
  found=$(find "$JDOCK_ROOT/layers" -name cross-layer-created)
  assert_match "$found" "^$JDOCK_ROOT/layers/sha256/[0-9a-f]{64}/rootfs/evil/cross-layer-created$"
  assert_not_exists "$NT_SENTINEL_DIR/cross-layer-created"
}

test_the_store_still_loads_and_lists_images_after_the_refusals() {
  jdock_load jdock-small docker25
  run umoci ls --layout "$JDOCK_ROOT"
  assert_line "$output" docker.io/library/jdock-small:latest
  assert_ok skopeo inspect "oci:$JDOCK_ROOT:docker.io/library/jdock-small:latest"
  # No temp file is left behind by the refused loads (each process's temp dir goes with it).
  assert_eq "" "$(find "$JDOCK_ROOT/tmp" -mindepth 1)"
}

test_archive_names_that_leave_the_archive_are_refused() {
  escape_check_begin
  mkdir -p src && echo escaped >src/x
  tar -cf dotdot.tar --transform 's|^src/x|../../escaped|' -P src/x
  tar -cf absolute.tar -P --transform "s|^src/x|$NT_SENTINEL_DIR/escaped|" src/x
  assert_fails_with 'invalid archive: unsafe entry name "../../escaped"' 1 jdock load -i dotdot.tar
  assert_fails_with "invalid archive: unsafe entry name \"$NT_SENTINEL_DIR/escaped\"" 1 jdock load -i absolute.tar
  escape_check_end
}
