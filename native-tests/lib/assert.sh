# Assertions for native tests. Each one returns 0 or prints what went wrong (with the last
# command run by `run`: its command line, exit status, stdout and stderr) and returns 1, which
# ends the test (tests run with errexit).

# run CMD...: runs CMD, never fails; sets $status, $output (stdout) and $stderr (trailing
# newlines stripped) and keeps the raw streams in the files $output_file / $stderr_file.
run() {
  local cmd out=$NT_CASE_DIR/.run.stdout err=$NT_CASE_DIR/.run.stderr rc
  cmd=$(printf '%q ' "$@")
  # A failure reported inside CMD (an assertion under test) shows no stale "last run".
  NT_LAST_CMD=""
  "$@" >"$out" 2>"$err" && rc=0 || rc=$?
  NT_LAST_CMD=$cmd output_file=$out stderr_file=$err status=$rc
  output=$(cat "$output_file")
  stderr=$(cat "$stderr_file")
  return 0
}

# nt_show_last_run: prints the last `run` (command, status, stdout, stderr) to stderr.
nt_show_last_run() {
  [[ -n ${NT_LAST_CMD:-} ]] || return 0
  {
    echo "  command: $NT_LAST_CMD"
    echo "  exit status: $status"
    echo "  stdout:"
    _nt_indent "$output_file"
    echo "  stderr:"
    _nt_indent "$stderr_file"
  } >&2
}

_nt_indent() {
  if [[ ! -s $1 ]]; then echo "    (empty)"; return; fi
  local n
  n=$(wc -l <"$1")
  head -n 60 "$1" | cat -v | awk '{ print "    | " $0 }'
  ((n <= 60)) || echo "    ... ($((n - 60)) more lines in $1)"
}

# fail MESSAGE...: fails the test with MESSAGE and the last run.
fail() {
  echo "FAIL: $*" >&2
  nt_show_last_run
  return 1
}

# assert_eq EXPECTED ACTUAL [WHAT]
assert_eq() {
  [[ $1 == "$2" ]] && return 0
  fail "${3:-values differ}"$'\n'"  expected: $(printf '%q' "$1")"$'\n'"  actual:   $(printf '%q' "$2")"
}

# assert_ne UNEXPECTED ACTUAL [WHAT]
assert_ne() {
  [[ $1 != "$2" ]] && return 0
  fail "${3:-value should differ}: $(printf '%q' "$2")"
}

# assert_contains HAYSTACK NEEDLE [WHAT]: NEEDLE is a fixed string.
assert_contains() {
  [[ $1 == *"$2"* ]] && return 0
  fail "${3:-text does not contain} $(printf '%q' "$2")"$'\n'"  in: $(printf '%q' "$1")"
}

# assert_not_contains HAYSTACK NEEDLE [WHAT]
assert_not_contains() {
  [[ $1 != *"$2"* ]] && return 0
  fail "${3:-text contains} $(printf '%q' "$2")"$'\n'"  in: $(printf '%q' "$1")"
}

# assert_match TEXT ERE [WHAT]
assert_match() {
  [[ $1 =~ $2 ]] && return 0
  fail "${3:-text does not match} /$2/"$'\n'"  text: $(printf '%q' "$1")"
}

# assert_line TEXT LINE [WHAT]: TEXT has a line that is exactly LINE.
assert_line() {
  grep -qxF -- "$2" <<<"$1" && return 0
  fail "${3:-no line} $(printf '%q' "$2")"$'\n'"  in: $(printf '%q' "$1")"
}

# assert_ok CMD...: runs CMD and requires exit status 0.
assert_ok() {
  run "$@"
  ((status == 0)) || fail "command failed (exit $status)"
}

# assert_status CODE CMD...: runs CMD and requires exit status CODE.
assert_status() {
  local code=$1
  shift
  run "$@"
  ((status == code)) || fail "expected exit status $code, got $status"
}

# assert_fails_with LINE CODE CMD...: runs CMD; it must exit with CODE and print LINE as a whole
# line on stderr (docker's error lines are compared exactly).
assert_fails_with() {
  local line=$1 code=$2
  shift 2
  run "$@"
  ((status == code)) || { fail "expected exit status $code, got $status"; return 1; }
  grep -qxF -- "$line" "$stderr_file" || fail "stderr lacks the line: $line"
}

# assert_output LINE...: stdout of the last run is exactly these lines.
assert_output() {
  local expected
  expected=$(printf '%s\n' "$@")
  [[ $output == "${expected%$'\n'}" ]] && return 0
  fail "stdout differs; expected:"$'\n'"$(printf '    | %s\n' "$@")"
}

# assert_file_same FILE1 FILE2: same bytes.
assert_file_same() {
  if cmp -s -- "$1" "$2"; then return 0; fi
  local why
  why=$(cmp -- "$1" "$2" 2>&1 | head -n 1)
  fail "files differ: $why"$'\n'"  $1: $(_nt_file_id "$1")"$'\n'"  $2: $(_nt_file_id "$2")"
}

_nt_file_id() {
  if [[ -f $1 ]]; then echo "$(stat -c %s "$1") bytes, sha256 $(sha256sum <"$1" | cut -c1-16)..."
  else echo "(not a regular file)"; fi
}

# assert_file_content FILE TEXT: FILE holds exactly TEXT (no newline added).
assert_file_content() {
  [[ -f $1 ]] || { fail "no regular file $1"; return 1; }
  local actual
  actual=$(cat -- "$1"; echo x)
  [[ ${actual%x} == "$2" ]] || fail "content of $1"$'\n'"  expected: $(printf '%q' "$2")"$'\n'"  actual:   $(printf '%q' "${actual%x}")"
}

assert_exists() { [[ -e $1 || -L $1 ]] || fail "missing: $1"; }
assert_not_exists() { [[ ! -e $1 && ! -L $1 ]] || fail "should not exist: $1 ($(stat -c %F -- "$1"))"; }
assert_file() { [[ -f $1 && ! -L $1 ]] || fail "not a regular file: $1"; }
assert_dir() { [[ -d $1 && ! -L $1 ]] || fail "not a directory: $1"; }
assert_fifo() { [[ -p $1 ]] || fail "not a fifo: $1"; }

# assert_symlink PATH TARGET
assert_symlink() {
  [[ -L $1 ]] || { fail "not a symlink: $1"; return 1; }
  assert_eq "$2" "$(readlink -- "$1")" "symlink target of $1"
}

# assert_mode PATH OCTAL: permission bits incl. setuid/setgid/sticky (e.g. 4755, 1777).
assert_mode() { assert_eq "$2" "$(stat -c %a -- "$1")" "mode of $1"; }

# assert_owner PATH UID:GID (numeric)
assert_owner() { assert_eq "$2" "$(stat -c %u:%g -- "$1")" "owner of $1"; }

# assert_nlink PATH N
assert_nlink() { assert_eq "$2" "$(stat -c %h -- "$1")" "link count of $1"; }

# assert_same_inode PATH1 PATH2: hard links of each other.
assert_same_inode() {
  [[ $1 -ef $2 ]] || fail "not the same inode: $1 ($(stat -c %d:%i -- "$1")) and $2 ($(stat -c %d:%i -- "$2"))"
}

# assert_xattr PATH NAME VALUE: VALUE as getfattr prints it with -e text (plain text values).
assert_xattr() {
  need getfattr || return 1
  local v
  v=$(getfattr -h --absolute-names --only-values -n "$2" -- "$1" 2>&1) || { fail "no xattr $2 on $1: $v"; return 1; }
  assert_eq "$3" "$v" "xattr $2 of $1"
}

# assert_dir_entries DIR NAME...: DIR holds exactly these names (any order).
assert_dir_entries() {
  local dir=$1
  shift
  local actual expected
  actual=$(cd -- "$dir" && ls -A | LC_ALL=C sort)
  expected=$(printf '%s\n' "$@" | LC_ALL=C sort)
  [[ $actual == "${expected%$'\n'}" ]] && return 0
  fail "entries of $dir"$'\n'"  expected: $(echo $expected)"$'\n'"  actual:   $(echo $actual)"
}
