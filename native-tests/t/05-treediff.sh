# lib/treediff.py (assert_tree_same): equal trees pass, and each kind of difference is found.

# make_tree DIR: a small tree with one entry of each kind.
make_tree() {
  mkdir -p "$1/d/sub"
  echo content >"$1/d/file"
  ln "$1/d/file" "$1/d/hard"
  ln -s file "$1/d/link"
  mkfifo "$1/d/fifo"
  mknod "$1/d/null" c 1 3
  setfattr -n user.k -v v "$1/d/file"
  chown 1000:1000 "$1/d/sub"
  touch -h -d @1700000000 "$1/d/file" "$1/d/link" "$1/d/sub" "$1/d/fifo" "$1/d/null" "$1/d" "$1"
}

# differs WHAT CMD...: after CMD changes tree b, treediff must report WHAT.
differs() {
  local what=$1
  shift
  rm -rf a b
  make_tree a
  cp -a a b
  "$@"
  run "$NT_PYTHON" "$NT_LIB/treediff.py" a b
  assert_eq 1 "$status" "treediff exit status after: $*"
  assert_contains "$output" "$what"
}

test_identical_trees_are_the_same() {
  make_tree a
  cp -a a b
  assert_tree_same a b
  run "$NT_PYTHON" "$NT_LIB/treediff.py" --list a
  assert_line "$output" "d/file type=file mode=0644 uid=0 gid=0 size=8 content=$(sha256sum <a/d/file | cut -d' ' -f1) mtime=1700000000.000000000 xattrs=user.k='v' nlink=2 links=d/file d/hard"
}

test_each_field_is_compared() {
  differs "d/file: mode 0644 != 0600" chmod 600 b/d/file
  differs "d/sub: uid 1000 != 0; gid 1000 != 0" chown 0:0 b/d/sub
  differs "d/file: size 8 != 9; content" sh -c 'echo content2 >b/d/file; touch -d @1700000000 b/d/file'
  differs "d/file: content" sh -c 'echo CONTENT >b/d/file; touch -d @1700000000 b/d/file'
  differs "d/sub: mtime 1700000000.000000000 != 1700000001.000000000" touch -d @1700000001 b/d/sub
  differs "d/link: target file != hard" sh -c 'ln -sfn hard b/d/link; touch -h -d @1700000000 b/d/link'
  differs "d/null: rdev 1:3 != 1:5" sh -c 'rm b/d/null; mknod b/d/null c 1 5; touch -d @1700000000 b/d/null b/d'
  differs "d/file: xattrs user.k='v' != user.k='w'" setfattr -n user.k -v w b/d/file
  differs "d/fifo: type fifo != file" sh -c 'rm b/d/fifo; : >b/d/fifo; touch -d @1700000000 b/d/fifo b/d'
  differs "only in B: d/new" sh -c 'touch b/d/new'
  differs "only in A: d/sub" rm -r b/d/sub
}

test_hard_link_groups_are_compared() {
  differs "d/file: nlink 2 != 1; links d/file d/hard != d/file" sh -c \
    'cp -p b/d/hard b/d/hard.tmp && mv b/d/hard.tmp b/d/hard && touch -d @1700000000 b/d'
}

test_ignore_and_exclude() {
  make_tree a
  cp -a a b
  chmod 600 b/d/file
  touch b/d/sub
  assert_tree_same a b --ignore mode --exclude d/sub
  run "$NT_PYTHON" "$NT_LIB/treediff.py" --ignore mode a b
  assert_eq 1 "$status"
  assert_eq "d/sub: mtime" "$(head -n 1 <<<"$output" | cut -d' ' -f1-2)"
}

test_a_failing_comparison_shows_the_differences() {
  make_tree a
  cp -a a b
  chmod 600 b/d/file
  run assert_tree_same a b
  assert_eq 1 "$status"
  assert_contains "$stderr" "d/file: mode 0644 != 0600"
  assert_contains "$stderr" "FAIL: trees differ: a vs b"
}

test_mtime_since_treats_new_mtimes_as_equal() {
  make_tree a
  cp -a a b
  touch -d @1800000000 a/d/file
  touch -d @1800000005 b/d/file
  assert_tree_same a b --mtime-since 1750000000
  touch -d @1700000001 b/d/sub
  run "$NT_PYTHON" "$NT_LIB/treediff.py" --mtime-since 1750000000 a b
  assert_eq 1 "$status"
  assert_contains "$output" "d/sub: mtime 1700000000.000000000 != 1700000001.000000000"
  touch -d @1700000000 b/d/file
  run "$NT_PYTHON" "$NT_LIB/treediff.py" --mtime-since 1750000000 a b
  assert_contains "$output" "d/file: mtime new != 1700000000.000000000"
}

test_excluding_the_root_still_compares_everything_below_it() {
  make_tree a
  cp -a a b
  touch -d @1700000001 b
  assert_tree_same a b --exclude .
  chmod 600 b/d/file
  run "$NT_PYTHON" "$NT_LIB/treediff.py" --exclude . a b
  assert_eq 1 "$status"
  assert_contains "$output" "d/file: mode 0644 != 0600"
  assert_not_contains "$output" ".: mtime"
}
