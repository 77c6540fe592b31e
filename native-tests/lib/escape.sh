# Checks that nothing was written outside the store: for refusal tests of malicious archives
# (lib/fixture/mkevil.py aims every escape at NT_SENTINEL_DIR, and one at /etc/passwd).
#
#   escape_check_begin
#   run jdock load -i "$(fx_evil dotdot)"
#   escape_check_end          # fails if the sentinel tree, /etc/passwd or any watched dir changed

# Dirs searched for new files holding the payloads ("escaped" / "pwned"): the places an escape
# from a store under /var/lib, /tmp or $HOME could reach; the test's own temp dir is excluded.
NT_ESCAPE_WATCH=(/etc /var/tmp /var/lib /tmp /root /home /opt /srv /usr/local)

escape_check_begin() {
  # One sentinel for every test run on the machine: concurrent runs take turns.
  [[ -n ${NT_ESCAPE_LOCK:-} ]] || exec {NT_ESCAPE_LOCK}>"$NT_SENTINEL_DIR.lock"
  flock "$NT_ESCAPE_LOCK"
  rm -rf "$NT_SENTINEL_DIR"
  mkdir -p "$NT_SENTINEL_DIR/sub"
  echo "original victim" >"$NT_SENTINEL_DIR/victim"
  echo "untouched" >"$NT_SENTINEL_DIR/sub/file"
  NT_ESCAPE_MARKER=$NT_CASE_DIR/.escape-marker
  touch "$NT_ESCAPE_MARKER"
  NT_ESCAPE_BEFORE=$(_escape_snapshot)
}

escape_check_end() {
  local after new
  after=$(_escape_snapshot)
  if [[ $after != "$NT_ESCAPE_BEFORE" ]]; then
    diff <(echo "$NT_ESCAPE_BEFORE") <(echo "$after") | sed 's/^/  /' >&2
    fail "something was written outside the store (sentinel $NT_SENTINEL_DIR or /etc/passwd changed)"
    return 1
  fi
  new=$(_escape_new_payloads)
  [[ -z $new ]] || { fail "files written outside the store:"$'\n'"$new"; return 1; }
  flock -u "$NT_ESCAPE_LOCK"
}

_escape_snapshot() {
  "$NT_PYTHON" "$NT_LIB/treediff.py" --list "$NT_SENTINEL_DIR"
  stat -c 'passwd nlink=%h size=%s mtime=%Y' /etc/passwd
  sha256sum /etc/passwd /etc/shadow /etc/group 2>/dev/null
}

_escape_new_payloads() {
  local d
  for d in "${NT_ESCAPE_WATCH[@]}" /; do
    [[ -d $d ]] || continue
    local depth=()
    [[ $d == / ]] && depth=(-maxdepth 1)
    find "$d" "${depth[@]}" -xdev \( -path "$NT_FILE_TMP" -o -path "$NT_CACHE" -o -path "${JDOCK_ROOT:-/nonexistent}" \) -prune \
      -o \( -newer "$NT_ESCAPE_MARKER" \( -type f -o -type l \) -print \) 2>/dev/null
  done | while IFS= read -r f; do
    case ${f##*/} in *-created | victim | passwd | evil) echo "  $f"; continue ;; esac
    if [[ -f $f && ! -L $f ]] && (($(stat -c %s "$f") < 64)) && grep -qxE 'escaped|pwned' "$f" 2>/dev/null; then
      echo "  $f"
    fi
  done
}
