# The malicious archives really hold their attacks, and the escape check (lib/escape.sh) sees
# an escape when a naive extractor (python's tarfile, fully trusting) lets one happen.

# layer_of CASE [N]: the entries of layer N (default 0) of a malicious archive:
# "type name -> linkname" per line.
layer_of() {
  tar -xOf "$(fx_evil "$1")" "layer${2:-0}/layer.tar" >layer.tar
  "$NT_PYTHON" -c '
import sys, tarfile
for m in tarfile.open(sys.argv[1]):
    kind = "link" if m.islnk() else "sym" if m.issym() else "dir" if m.isdir() else "file"
    print(kind, m.name, "->", m.linkname) if m.linkname else print(kind, m.name)
' layer.tar
}

# naive_extract CASE: extracts every layer like a careless tool would (no path checks).
naive_extract() {
  local n i
  n=$(tar -tf "$(fx_evil "$1")" | grep -c '/layer.tar$')
  mkdir -p naive
  for ((i = 0; i < n; i++)); do
    tar -xOf "$(fx_evil "$1")" "layer$i/layer.tar" >"layer$i.tar"
    "$NT_PYTHON" -c '
import sys, tarfile
t = tarfile.open(sys.argv[1])
kw = {"filter": "fully_trusted"} if hasattr(tarfile, "fully_trusted_filter") else {}
t.extractall(sys.argv[2], **kw)
' "layer$i.tar" naive 2>/dev/null || true
  done
}

test_every_case_is_a_docker_archive_that_says_what_it_does() {
  local c n=0
  while read -r c; do
    n=$((n + 1))
    assert_file "$(fx_dir)/evil/$c.about"
    [[ $c == no-manifest ]] && continue
    run tar -xOf "$(fx_evil "$c")" manifest.json
    assert_eq "[\"evil-$c:latest\"]" "$(jq -c '.[0].RepoTags' <<<"$output")" "RepoTags of $c"
  done < <(fx_evil_cases)
  assert_eq 13 "$n" "number of malicious cases"
}

test_the_path_escapes_are_in_the_layers() {
  assert_line "$(layer_of dotdot)" "file ../../../../../../../../../../../../${NT_SENTINEL_DIR#/}/dotdot-created"
  assert_line "$(layer_of absolute)" "file $NT_SENTINEL_DIR/absolute-created"
  assert_line "$(layer_of symlink-abs-write)" "sym evil -> $NT_SENTINEL_DIR"
  assert_line "$(layer_of symlink-abs-write)" "file evil/symlink-abs-created"
  assert_line "$(layer_of symlink-cross-layer 1)" "file evil/cross-layer-created"
  assert_line "$(layer_of hardlink-passwd)" "link passwd -> /etc/passwd"
  assert_line "$(layer_of hardlink-abs-write)" "link victim -> $NT_SENTINEL_DIR/victim"
  assert_line "$(layer_of whiteout-escape)" "file .wh..."
}

test_integrity_cases_carry_docker_s_error_lines() {
  local actual
  actual=$(tar -xOf "$(fx_evil diffid-mismatch)" layer0/layer.tar | sha256sum | cut -d' ' -f1)
  assert_match "$(cat "$(fx_dir)/evil/diffid-mismatch.error")" \
    "^invalid diffID for layer 0: expected \"sha256:[0-9a-f]{64}\", got \"sha256:$actual\"$"
  assert_file_content "$(fx_dir)/evil/layer-count-mismatch.error" $'invalid manifest, layers length mismatch: expected 1, got 2\n'
  run tar -tf "$(fx_evil no-manifest)"
  assert_not_contains "$output" manifest.json
}

test_escape_check_passes_when_nothing_escapes() {
  escape_check_begin
  echo escaped >"$NT_CASE_DIR/inside-the-test-dir-created"
  escape_check_end
}

test_escape_check_sees_naive_extraction_escapes() {
  local c
  for c in dotdot absolute symlink-abs-write hardlink-abs-write; do
    escape_check_begin
    rm -rf naive && naive_extract "$c"
    if (escape_check_end) 2>why; then
      fail "escape_check_end saw no escape after a naive extraction of $c"
    fi
    assert_contains "$(cat why)" "FAIL:" "escape report of $c"
  done
  assert_contains "$(cat why)" "sentinel" "a write through a hard link changes the sentinel"
  rm -rf "$NT_SENTINEL_DIR"
}

test_escape_check_sees_a_payload_outside_the_sentinel_and_a_link_to_passwd() {
  local payload=/var/tmp/nt-escape-probe-created
  defer rm -f "$payload" /var/tmp/nt-escape-probe-link
  escape_check_begin
  echo escaped >"$payload"
  if (escape_check_end) 2>why; then fail "a payload in /var/tmp went unseen"; fi
  assert_contains "$(cat why)" "$payload"
  rm -f "$payload"
  escape_check_begin
  ln /etc/passwd /var/tmp/nt-escape-probe-link
  if (escape_check_end) 2>why; then fail "a hard link to /etc/passwd went unseen"; fi
  assert_contains "$(cat why)" "passwd nlink=2"
}
