# Inode numbers, link counts, listings and statfs of a jdock mount: inode numbers unique and stable
# for the life of the mount (copy-up included), st_nlink right for directories (2 + subdirs) and
# hard links, readdir stable while the directory changes, .wh.* names never listed and never
# creatable, df on the mount.

setup_file() {
  union_store_image jdock-test
  J=$NT_CASE_DIR/j
  union_mount jdock-test "$J" --name inodes
  UPPER=$(jdock mounts --format '{{.Upper}}')
  # lister.py DIR ROUNDS: lists DIR (os.scandir) ROUNDS times; prints every problem: a lasting
  # name ("keep-*") missing or listed twice.
  cat >"$NT_FILE_TMP/lister.py" <<'EOF'
import collections, os, sys
d, rounds = sys.argv[1], int(sys.argv[2])
keep = {n for n in os.listdir(d) if n.startswith("keep-")}
for r in range(rounds):
    with os.scandir(d) as it:
        names = collections.Counter(e.name for e in it)
    for n in keep:
        if names[n] != 1:
            print(f"round {r}: {n} listed {names[n]} times")
    for n, c in names.items():
        if c > 1:
            print(f"round {r}: {n} listed {c} times")
print(f"{len(keep)} lasting names, {rounds} rounds")
EOF
}

teardown_file() {
  union_umount_quietly "$J"
}

# inode_list DIR: "inode path" of every entry below DIR, sorted by path.
inode_list() { (cd "$1" && find . -printf '%i %p\n' | LC_ALL=C sort -k2); }

test_inode_numbers_are_unique_but_for_hard_links() {
  inode_list "$J" >inodes
  # Each inode number belongs to one path, or to the names of one hard-link group.
  (cd "$J" && find . ! -type d -links +1 -printf '%i %p\n') | sort -n >linked
  local dup_inodes
  dup_inodes=$(cut -d' ' -f1 inodes | sort | uniq -d)
  assert_eq "$(cut -d' ' -f1 linked | sort -u)" "$dup_inodes" "inode numbers shared by several paths"
  assert_contains "$(cat linked)" "./jdock-test/links/target.txt"
  assert_eq 3 "$(grep -c "^$(stat -c %i "$J/jdock-test/links/target.txt") " linked)" "names of target.txt's inode"
  (($(wc -l <inodes) > 3000)) || fail "only $(wc -l <inodes) entries"
}

test_inode_numbers_stay_the_same_across_copy_up_and_rename() {
  inode_list "$J" >before
  echo more >>"$J/jdock-test/files/regular.txt"
  echo changed >"$J/jdock-test/links/hard1"
  chmod 700 "$J/usr/share/doc"
  chown 1:1 "$J/jdock-test/special/fifo"
  setfattr -n user.x -v y "$J/jdock-test/xattr/user.txt"
  touch "$J/etc/os-release"
  mv "$J/jdock-test/replace" "$J/jdock-test/replace-moved"
  mkdir "$J/jdock-test/new-dir"
  inode_list "$J" >after
  assert_eq "$(grep ' \./jdock-test/replace/' before | sed 's|/replace/|/replace-moved/|')" \
    "$(grep ' \./jdock-test/replace-moved/' after)" "inodes of the renamed dir's entries"
  assert_eq "$(grep ' \./jdock-test/replace$' before | sed 's|/replace$|/replace-moved|')" \
    "$(grep ' \./jdock-test/replace-moved$' after)" "inode of the renamed dir"
  assert_eq "$(grep -v ' \./jdock-test/replace' before)" \
    "$(grep -v -e ' \./jdock-test/replace' -e ' \./jdock-test/new-dir$' after)" "inodes of every other entry"
  # The copied-up files really moved to the upper dir.
  assert_file "$UPPER/jdock-test/files/regular.txt"
  assert_file "$UPPER/jdock-test/other/hard2"
  # A new inode number is new.
  local new
  new=$(stat -c %i "$J/jdock-test/new-dir")
  if grep -qx "$new" <<<"$(cut -d' ' -f1 before)"; then fail "new-dir reuses inode number $new"; fi
  # The same numbers a while later, caches dropped.
  echo 2 >/proc/sys/vm/drop_caches # dentries and inodes: the kernel forgets them
  inode_list "$J" >later
  assert_eq "$(cat after)" "$(cat later)" "inode numbers after dropping the kernel's caches"
}

test_directory_link_counts_are_two_plus_subdirs() {
  mkdir -p "$J/jdock-test/nlink/a/b" "$J/jdock-test/nlink/c"
  rmdir "$J/jdock-test/redo-dir/new-a" 2>/dev/null || true
  rm -r "$J/jdock-test/gone"
  (cd "$J" && find . -type d -printf '%n %p\n') | LC_ALL=C sort -k2 >actual
  # Expected: 2 + the subdirectories each directory lists.
  (cd "$J" && find . -type d -print0 | while IFS= read -r -d '' d; do
    echo "$((2 + $(find "$d" -mindepth 1 -maxdepth 1 -type d | wc -l))) $d"
  done) | LC_ALL=C sort -k2 >expected
  assert_eq "$(cat expected)" "$(cat actual)" "directory link counts"
  assert_nlink "$J/jdock-test/nlink" 4
  assert_nlink "$J/jdock-test/nlink/c" 2
}

test_hard_link_counts_are_the_number_of_names() {
  ln "$J/jdock-test/files/exec.sh" "$J/jdock-test/files/exec-link"
  ln "$J/jdock-test/links/pair-a" "$J/jdock-test/pair-a-link"
  rm "$J/jdock-test/other/hard2"
  # Every non-directory: st_nlink == the number of its names found in the tree.
  (cd "$J" && find . ! -type d -printf '%i %n\n') | sort | uniq -c |
    awk '$1 != $3 { print "inode " $2 ": nlink " $3 " but " $1 " names" }' >wrong
  assert_eq "" "$(cat wrong)" "link counts"
  assert_nlink "$J/jdock-test/files/exec-link" 2
  assert_nlink "$J/jdock-test/links/target.txt" 2
  assert_nlink "$J/jdock-test/pair-a-link" 2
}

test_readdir_is_stable_while_the_directory_changes() {
  local d=$J/jdock-test/churn i
  mkdir "$d"
  for i in $(seq 1 1500); do : >"$d/keep-$i"; done
  # Another process creates, renames and deletes names in the same dir meanwhile.
  (
    n=0
    while [[ ! -e $NT_CASE_DIR/stop ]]; do
      : >"$d/tmp-$n"
      mv "$d/tmp-$n" "$d/moved-$n"
      ((n < 20)) || rm -f "$d/moved-$((n - 20))"
      n=$((n + 1))
    done
  ) &
  local churner=$!
  run "$NT_PYTHON" "$NT_FILE_TMP/lister.py" "$d" 40
  touch "$NT_CASE_DIR/stop"
  wait "$churner"
  assert_eq "1500 lasting names, 40 rounds" "$output" "problems found by the lister"
  # A big lower dir (only lower entries) while names are added and removed in it.
  d=$J/usr/lib/x86_64-linux-gnu
  for i in $(seq 1 50); do : >"$d/keep-new-$i"; done
  rm -f "$NT_CASE_DIR/stop"
  (
    n=0
    while [[ ! -e $NT_CASE_DIR/stop ]]; do
      : >"$d/tmp-$n"
      rm "$d/tmp-$n"
      n=$((n + 1))
    done
  ) &
  churner=$!
  run "$NT_PYTHON" "$NT_FILE_TMP/lister.py" "$d" 40
  touch "$NT_CASE_DIR/stop"
  wait "$churner"
  assert_eq "50 lasting names, 40 rounds" "$output"
}

test_whiteout_names_are_never_listed_and_cannot_be_created() {
  local d=$J/jdock-test/files
  rm "$d/empty" "$J/etc/hostname"
  rm -r "$J/jdock-test/opaque-last" && mkdir "$J/jdock-test/opaque-last"
  # Written in the upper dir, never shown.
  assert_file "$UPPER/jdock-test/files/.wh.empty"
  assert_file "$UPPER/jdock-test/opaque-last/.wh..wh..opq"
  assert_eq "" "$(cd "$J" && find . -name '.wh.*')" "whiteout names in the mount"
  assert_eq "" "$(ls -A "$J/jdock-test/opaque-last")"
  # The lower layers' whiteouts neither.
  assert_not_exists "$J/etc/.wh.motd"
  assert_not_exists "$J/jdock-test/gone/.wh.file.txt"
  assert_not_exists "$J/jdock-test/files/.wh.empty"
  # Creating one fails (EINVAL), whatever the call; nothing is hidden by it.
  run touch "$d/.wh.regular.txt"
  assert_contains "$stderr" "Invalid argument"
  run mkdir "$d/.wh.dir"
  assert_contains "$stderr" "Invalid argument"
  run ln -s x "$d/.wh.sym"
  assert_contains "$stderr" "Invalid argument"
  run ln "$d/regular.txt" "$d/.wh.exec.sh"
  assert_contains "$stderr" "Invalid argument"
  run mkfifo "$d/.wh..wh..opq"
  assert_contains "$stderr" "Invalid argument"
  # (mv words rename(2)'s EINVAL as "a subdirectory of itself")
  run "$NT_PYTHON" -c 'import os, sys; os.rename(sys.argv[1], sys.argv[2])' "$d/regular.txt" "$d/.wh.owned"
  assert_contains "$stderr" "Invalid argument"
  assert_eq "" "$(ls -A "$d" | grep '^\.wh\.' || true)" "whiteout names in $d"
  assert_file "$d/regular.txt"
  assert_file "$d/owned"
  assert_eq "" "$(find "$UPPER" -name '.wh.regular.txt' -o -name '.wh.dir' -o -name '.wh.sym' -o -name '.wh.exec.sh' -o -name '.wh.owned')"
}

test_df_shows_the_upper_file_system() {
  run df -P "$J"
  assert_eq 0 "$status"
  assert_match "$(tail -n 1 <<<"$output")" "^jdock +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+% $J$"
  assert_eq "$(stat -f -c '%b %S %l %c' "$UPPER")" "$(stat -f -c '%b %S %l %c' "$J")" \
    "total blocks, block size, name length, total inodes of the upper file system"
  assert_eq fuse.jdock "$(findmnt -n -o FSTYPE "$J")"
}
